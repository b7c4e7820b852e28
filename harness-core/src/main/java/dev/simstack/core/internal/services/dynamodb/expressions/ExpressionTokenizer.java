package dev.simstack.core.internal.services.dynamodb.expressions;

import java.util.ArrayList;
import java.util.List;

/** Splits an expression into tokens; characters no token starts with become UNKNOWN tokens. */
final class ExpressionTokenizer {

    private ExpressionTokenizer() {
    }

    static List<Token> tokenize(String text) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int length = text.length();
        while (i < length) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            int start = i;
            Token.Kind kind;
            if (isWordStart(c)) {
                i = wordEnd(text, i + 1);
                kind = Token.Kind.IDENTIFIER;
            } else if (c == '#' || c == ':') {
                i = wordEnd(text, i + 1);
                kind = i == start + 1 ? Token.Kind.UNKNOWN
                        : c == '#' ? Token.Kind.NAME_PLACEHOLDER : Token.Kind.VALUE_PLACEHOLDER;
            } else if (c >= '0' && c <= '9') {
                while (i < length && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                    i++;
                }
                kind = Token.Kind.NUMBER;
            } else {
                kind = symbol(text, i);
                i += kind == Token.Kind.NE || kind == Token.Kind.LE || kind == Token.Kind.GE ? 2 : 1;
            }
            tokens.add(new Token(kind, text.substring(start, i), start, i));
        }
        tokens.add(new Token(Token.Kind.EOF, "", length, length));
        return tokens;
    }

    private static Token.Kind symbol(String text, int i) {
        char c = text.charAt(i);
        char next = i + 1 < text.length() ? text.charAt(i + 1) : 0;
        switch (c) {
            case '(':
                return Token.Kind.LEFT_PAREN;
            case ')':
                return Token.Kind.RIGHT_PAREN;
            case '[':
                return Token.Kind.LEFT_BRACKET;
            case ']':
                return Token.Kind.RIGHT_BRACKET;
            case ',':
                return Token.Kind.COMMA;
            case '.':
                return Token.Kind.DOT;
            case '=':
                return Token.Kind.EQ;
            case '+':
                return Token.Kind.PLUS;
            case '-':
                return Token.Kind.MINUS;
            case '<':
                return next == '>' ? Token.Kind.NE : next == '=' ? Token.Kind.LE : Token.Kind.LT;
            case '>':
                return next == '=' ? Token.Kind.GE : Token.Kind.GT;
            default:
                return Token.Kind.UNKNOWN;
        }
    }

    private static boolean isWordStart(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_';
    }

    private static int wordEnd(String text, int from) {
        int i = from;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (!(isWordStart(c) || c >= '0' && c <= '9')) {
                break;
            }
            i++;
        }
        return i;
    }
}
