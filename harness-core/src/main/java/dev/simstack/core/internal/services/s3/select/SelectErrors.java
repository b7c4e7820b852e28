package dev.simstack.core.internal.services.s3.select;

import dev.simstack.core.internal.protocol.restxml.RestXmlError;

/**
 * The errors of SelectObjectContent, by the codes of S3's "List of SELECT Object Content Error Codes". Where
 * S3's sentence is not documented the sentence is the engine's own (docs/compatibility.md says which).
 */
final class SelectErrors {

    private SelectErrors() {
    }

    /** A 400 answer with {@code code} and {@code message}. */
    static RestXmlError of(String code, String message) {
        return new RestXmlError(code, 400, message);
    }

    static RestXmlError unexpectedToken(Token token) {
        return of("ParseUnexpectedToken", "Unexpected token found " + token.text() + " at line 1, column "
                + (token.position() + 1) + ".");
    }

    static RestXmlError unsupported(String what) {
        return of("UnsupportedSyntax", what + " is not supported by S3 Select.");
    }

    static RestXmlError unsupportedFunction(String name) {
        return of("UnsupportedFunction", "Function " + name + " is not supported by S3 Select in SimStack.");
    }

    static RestXmlError invalidColumnIndex(String column) {
        return of("InvalidColumnIndex", "The column index " + column + " is invalid. Column indexes start at _1.");
    }

    static RestXmlError missingHeaders(String column) {
        return of("MissingHeaders", "Some headers in the query are missing from the file. Check the file and try"
                + " again. (" + column + ")");
    }

    static RestXmlError castFailed() {
        return of("CastFailed", "Attempt to convert from one data type to another using CAST failed in the SQL"
                + " expression.");
    }

    static RestXmlError invalidArguments(String what) {
        return of("EvaluatorInvalidArguments", what);
    }
}
