package dev.simstack.core.internal.services.dynamodb.partiql;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a PartiQL statement into tokens: names (bare or in double quotes), strings in single quotes (a
 * doubled quote is a quote), numbers, {@code ?}, symbols; {@code --} and block comments are skipped.
 */
final class PartiqlLexer {

    /** Two-character symbols first, so {@code <=} is not read as {@code <} and {@code =}. */
    private static final List<String> SYMBOLS = List.of("<<", ">>", "<=", ">=", "<>", "!=", "=", "<", ">", "*", ",",
            ".", "[", "]", "(", ")", "{", "}", ":", "+", "-", ";");

    private final String text;
    private int at;

    private PartiqlLexer(String text) {
        this.text = text;
    }

    static List<PartiqlToken> tokens(String text) {
        PartiqlLexer lexer = new PartiqlLexer(text);
        List<PartiqlToken> tokens = new ArrayList<>();
        for (PartiqlToken token = lexer.next(); ; token = lexer.next()) {
            tokens.add(token);
            if (token.kind() == PartiqlToken.Kind.END) {
                return tokens;
            }
        }
    }

    private PartiqlToken next() {
        skipBlanks();
        if (at >= text.length()) {
            return new PartiqlToken(PartiqlToken.Kind.END, "");
        }
        char c = text.charAt(at);
        if (c == '\'' || c == '"') {
            return quoted(c);
        }
        if (Character.isDigit(c) || c == '.' && at + 1 < text.length() && Character.isDigit(text.charAt(at + 1))) {
            return number();
        }
        if (Character.isLetter(c) || c == '_' || c == '$') {
            int start = at;
            while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '_'
                    || text.charAt(at) == '$')) {
                at++;
            }
            return new PartiqlToken(PartiqlToken.Kind.NAME, text.substring(start, at));
        }
        if (c == '?') {
            at++;
            return new PartiqlToken(PartiqlToken.Kind.PARAMETER, "?");
        }
        for (String symbol : SYMBOLS) {
            if (text.startsWith(symbol, at)) {
                at += symbol.length();
                return new PartiqlToken(PartiqlToken.Kind.SYMBOL, symbol);
            }
        }
        // AWS's parser refuses what it cannot read with nothing after the colon
        throw PartiqlErrors.malformed("");
    }

    private void skipBlanks() {
        while (at < text.length()) {
            if (Character.isWhitespace(text.charAt(at))) {
                at++;
            } else if (text.startsWith("--", at)) {
                int end = text.indexOf('\n', at);
                at = end < 0 ? text.length() : end + 1;
            } else if (text.startsWith("/*", at)) {
                int end = text.indexOf("*/", at + 2);
                if (end < 0) {
                    throw PartiqlErrors.malformed("");
                }
                at = end + 2;
            } else {
                return;
            }
        }
    }

    private PartiqlToken quoted(char quote) {
        StringBuilder content = new StringBuilder();
        at++;
        while (true) {
            if (at >= text.length()) {
                throw PartiqlErrors.malformed("");
            }
            char c = text.charAt(at++);
            if (c == quote) {
                if (at < text.length() && text.charAt(at) == quote) {
                    content.append(quote);
                    at++;
                    continue;
                }
                break;
            }
            content.append(c);
        }
        return new PartiqlToken(quote == '"' ? PartiqlToken.Kind.QUOTED_NAME : PartiqlToken.Kind.STRING,
                content.toString());
    }

    private PartiqlToken number() {
        int start = at;
        digits();
        if (at < text.length() && text.charAt(at) == '.') {
            at++;
            digits();
        }
        if (at < text.length() && (text.charAt(at) == 'e' || text.charAt(at) == 'E')) {
            int mark = at;
            at++;
            if (at < text.length() && (text.charAt(at) == '+' || text.charAt(at) == '-')) {
                at++;
            }
            if (at >= text.length() || !Character.isDigit(text.charAt(at))) {
                at = mark;
            } else {
                digits();
            }
        }
        return new PartiqlToken(PartiqlToken.Kind.NUMBER, text.substring(start, at));
    }

    private void digits() {
        while (at < text.length() && Character.isDigit(text.charAt(at))) {
            at++;
        }
    }
}
