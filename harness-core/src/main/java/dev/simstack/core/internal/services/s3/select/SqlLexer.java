package dev.simstack.core.internal.services.s3.select;

import java.util.ArrayList;
import java.util.List;

/** Splits an S3 Select expression into tokens: names, quoted names, 'strings', numbers and operators. */
final class SqlLexer {

    private static final List<String> SYMBOLS = List.of("<>", "!=", "<=", ">=", "||", "=", "<", ">", "+", "-",
            "*", "/", "%", "(", ")", ",", ".", "[", "]");

    private final String sql;
    private int at;

    private SqlLexer(String sql) {
        this.sql = sql;
    }

    static List<Token> tokens(String sql) {
        SqlLexer lexer = new SqlLexer(sql);
        List<Token> tokens = new ArrayList<>();
        Token token;
        do {
            token = lexer.next();
            tokens.add(token);
        } while (token.kind() != Token.Kind.END);
        return tokens;
    }

    private Token next() {
        while (at < sql.length() && Character.isWhitespace(sql.charAt(at))) {
            at++;
        }
        int start = at;
        if (at >= sql.length() || sql.charAt(at) == ';') {
            return new Token(Token.Kind.END, "<EOF>", start);
        }
        char c = sql.charAt(at);
        if (c == '\'' || c == '"') {
            return quoted(c, start);
        }
        if (Character.isDigit(c)) {
            while (at < sql.length() && (Character.isDigit(sql.charAt(at)) || sql.charAt(at) == '.')) {
                at++;
            }
            return new Token(Token.Kind.NUMBER, sql.substring(start, at), start);
        }
        if (Character.isLetter(c) || c == '_') {
            while (at < sql.length() && (Character.isLetterOrDigit(sql.charAt(at)) || sql.charAt(at) == '_')) {
                at++;
            }
            return new Token(Token.Kind.IDENTIFIER, sql.substring(start, at), start);
        }
        for (String symbol : SYMBOLS) {
            if (sql.startsWith(symbol, at)) {
                at += symbol.length();
                return new Token(Token.Kind.SYMBOL, symbol, start);
            }
        }
        throw SelectErrors.unexpectedToken(new Token(Token.Kind.SYMBOL, String.valueOf(c), start));
    }

    /** A 'string' or "name"; the quote doubled inside stands for itself, as in SQL. */
    private Token quoted(char quote, int start) {
        StringBuilder text = new StringBuilder();
        at++;
        while (true) {
            if (at >= sql.length()) {
                throw SelectErrors.of("ParseExpectedTokenType", "The expression ends inside a quoted "
                        + (quote == '\'' ? "string" : "name") + " that starts at column " + (start + 1) + ".");
            }
            char c = sql.charAt(at++);
            if (c == quote) {
                if (at < sql.length() && sql.charAt(at) == quote) {
                    at++;
                } else {
                    break;
                }
            }
            text.append(c);
        }
        return new Token(quote == '\'' ? Token.Kind.STRING : Token.Kind.QUOTED_IDENTIFIER, text.toString(), start);
    }
}
