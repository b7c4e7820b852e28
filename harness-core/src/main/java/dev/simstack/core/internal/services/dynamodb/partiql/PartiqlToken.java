package dev.simstack.core.internal.services.dynamodb.partiql;

import java.util.Locale;
import java.util.Set;

/**
 * One token of a PartiQL statement.
 *
 * @param kind what the token is
 * @param text the name, the string's content, the number's digits or the symbol
 */
record PartiqlToken(Kind kind, String text) {

    /** The kinds of token DynamoDB's PartiQL subset has. */
    enum Kind { NAME, QUOTED_NAME, STRING, NUMBER, PARAMETER, SYMBOL, END }

    /** The words PartiQL reads as keywords, so an unquoted attribute cannot be called that. */
    private static final Set<String> KEYWORDS = Set.of("SELECT", "FROM", "WHERE", "ORDER", "BY", "AND", "OR", "NOT",
            "IN", "IS", "BETWEEN", "INSERT", "INTO", "VALUE", "UPDATE", "SET", "REMOVE", "DELETE", "RETURNING", "ASC",
            "DESC", "AS", "MISSING", "NULL", "TRUE", "FALSE", "ALL", "LIKE");

    boolean isKeyword() {
        return kind == Kind.NAME && KEYWORDS.contains(text.toUpperCase(Locale.ROOT));
    }

    /** True for the keyword {@code word} (in any case). */
    boolean is(String word) {
        return kind == Kind.NAME && text.equalsIgnoreCase(word);
    }

    boolean isSymbol(String symbol) {
        return kind == Kind.SYMBOL && text.equals(symbol);
    }
}
