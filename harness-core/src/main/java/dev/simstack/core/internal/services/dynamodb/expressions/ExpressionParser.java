package dev.simstack.core.internal.services.dynamodb.expressions;

import dev.simstack.core.AwsException;
import dev.simstack.core.internal.services.dynamodb.DynamoDbErrors;
import dev.simstack.core.internal.services.dynamodb.item.AttributeValue;
import java.util.ArrayList;
import java.util.List;

/**
 * What every expression parser shares: a token cursor, document paths with their placeholders resolved,
 * and AWS's error messages. A syntax error fails at once; a semantic one (a reserved word, an undefined
 * placeholder) waits until the whole text has parsed, as AWS reports syntax first.
 */
abstract class ExpressionParser {

    /** Longest expression DynamoDB accepts: 4 KB. */
    private static final int MAX_LENGTH = 4096;

    protected final String kind;
    protected final String text;
    protected final ExpressionAttributes attributes;
    private final List<Token> tokens;
    private int position;
    private AwsException deferred;

    ExpressionParser(String kind, String text, ExpressionAttributes attributes) {
        this.kind = kind;
        this.text = text;
        this.attributes = attributes;
        if (text.isBlank()) {
            throw invalid("The expression can not be empty;");
        }
        if (text.length() > MAX_LENGTH) {
            throw invalid("Expression size has exceeded the maximum allowed size; expression size: " + text.length());
        }
        this.tokens = ExpressionTokenizer.tokenize(text);
        attributes.noteExpression();
    }

    /** The index of the next token, to tell which tokens a construct spanned. */
    protected final int position() {
        return position;
    }

    protected final Token peek() {
        return tokens.get(position);
    }

    protected final Token peekAhead(int offset) {
        return tokens.get(Math.min(position + offset, tokens.size() - 1));
    }

    protected final Token next() {
        Token token = tokens.get(position);
        if (token.kind() != Token.Kind.EOF) {
            position++;
        }
        return token;
    }

    protected final boolean accept(Token.Kind kind) {
        if (peek().kind() == kind) {
            next();
            return true;
        }
        return false;
    }

    protected final boolean acceptKeyword(String word) {
        if (peek().isKeyword(word)) {
            next();
            return true;
        }
        return false;
    }

    protected final Token expect(Token.Kind kind) {
        if (peek().kind() != kind) {
            throw syntaxError();
        }
        return next();
    }

    /** Fails unless every token was consumed, then reports any semantic error found on the way. */
    protected final void finish() {
        if (peek().kind() != Token.Kind.EOF) {
            throw syntaxError();
        }
        if (deferred != null) {
            throw deferred;
        }
    }

    /** AWS's syntax error at the current token, quoting the text from the token before to the token after. */
    protected final AwsException syntaxError() {
        Token token = peek();
        int start = position > 0 ? tokens.get(position - 1).start() : token.start();
        int end = position + 1 < tokens.size() ? tokens.get(position + 1).end() : token.end();
        end = Math.max(end, token.end());
        return invalid("Syntax error; token: \"" + token.display() + "\", near: \"" + text.substring(start, end)
                + "\"");
    }

    protected final AwsException invalid(String detail) {
        return DynamoDbErrors.validation("Invalid " + kind + ": " + detail);
    }

    /** Keeps the first semantic error, to throw once the syntax is known to be right. */
    protected final void defer(String detail) {
        if (deferred == null) {
            deferred = invalid(detail);
        }
    }

    /** {@code name ( '.' name | '[' index ']' )*} where a name is an identifier or a {@code #placeholder}. */
    protected final DocumentPath path() {
        List<Object> elements = new ArrayList<>();
        elements.add(pathName());
        while (true) {
            if (accept(Token.Kind.DOT)) {
                elements.add(pathName());
            } else if (peek().kind() == Token.Kind.LEFT_BRACKET) {
                next();
                Token index = expect(Token.Kind.NUMBER);
                int value;
                try {
                    value = Integer.parseInt(index.text());
                } catch (NumberFormatException e) {
                    throw invalid("Invalid list index; index: " + index.text());
                }
                expect(Token.Kind.RIGHT_BRACKET);
                elements.add(value);
            } else {
                return new DocumentPath(elements);
            }
        }
    }

    private String pathName() {
        Token token = peek();
        if (token.kind() == Token.Kind.IDENTIFIER && !isKeyword(token)) {
            next();
            if (ReservedWords.isReserved(token.text())) {
                defer("Attribute name is a reserved keyword; reserved keyword: " + token.text());
            }
            return token.text();
        }
        if (token.kind() == Token.Kind.NAME_PLACEHOLDER) {
            next();
            String name = attributes.name(token.text());
            if (name == null) {
                defer("An expression attribute name used in the document path is not defined; attribute name: "
                        + token.text());
                return token.text();
            }
            return name;
        }
        throw syntaxError();
    }

    /** The words of the expression grammar itself, which can never be attribute names. */
    private static boolean isKeyword(Token token) {
        switch (token.text().toUpperCase(java.util.Locale.ROOT)) {
            case "AND": case "OR": case "NOT": case "BETWEEN": case "IN": case "SET": case "REMOVE": case "ADD":
            case "DELETE":
                return true;
            default:
                return false;
        }
    }

    /** A {@code :placeholder}'s value. */
    protected final Operand.Value value() {
        Token token = expect(Token.Kind.VALUE_PLACEHOLDER);
        AttributeValue value = attributes.value(token.text());
        if (value == null) {
            defer("An expression attribute value used in expression is not defined; attribute value: " + token.text());
            return new Operand.Value(token.text(), AttributeValue.Null.NULL);
        }
        return new Operand.Value(token.text(), value);
    }

    /** True if the cursor is at {@code identifier (}, a function call. */
    protected final boolean atFunction() {
        return peek().kind() == Token.Kind.IDENTIFIER && peekAhead(1).kind() == Token.Kind.LEFT_PAREN;
    }

    /** Reads {@code ( operand, ... )} after a function name, checking how many operands it takes. */
    protected final List<Object> arguments(String function, int count, ArgumentReader reader) {
        expect(Token.Kind.LEFT_PAREN);
        List<Object> arguments = new ArrayList<>();
        if (peek().kind() != Token.Kind.RIGHT_PAREN) {
            do {
                arguments.add(reader.read(arguments.size()));
            } while (accept(Token.Kind.COMMA));
        }
        expect(Token.Kind.RIGHT_PAREN);
        if (arguments.size() != count) {
            defer("Incorrect number of operands for operator or function; operator or function: " + function
                    + ", number of operands: " + arguments.size());
        }
        return arguments;
    }

    /** Reads the operand at {@code index} of a function call. */
    @FunctionalInterface
    protected interface ArgumentReader {
        Object read(int index);
    }

    /** The path of an operand that must be one, or a deferred error naming the function. */
    protected final DocumentPath requirePath(Object operand, String function) {
        if (operand instanceof Operand.Path) {
            return ((Operand.Path) operand).path();
        }
        defer("Operator or function requires a document path; operator or function: " + function);
        return DocumentPath.of("_");
    }

    /** Fails (deferred) when a constant operand has a type the function or operator cannot take. */
    protected final void checkOperandType(Operand operand, String function, AttributeValue.Type... allowed) {
        if (!(operand instanceof Operand.Value)) {
            return;
        }
        AttributeValue.Type type = ((Operand.Value) operand).value().type();
        for (AttributeValue.Type ok : allowed) {
            if (ok == type) {
                return;
            }
        }
        defer("Incorrect operand type for operator or function; operator or function: " + function
                + ", operand type: " + typeName(type));
    }

    /** AWS's names of types in these messages. */
    static String typeName(AttributeValue.Type type) {
        switch (type) {
            case S: return "S";
            case N: return "N";
            case B: return "B";
            case BOOL: return "BOOL";
            case NULL: return "NULL";
            case M: return "M";
            case L: return "L";
            default: return type.name();
        }
    }
}
