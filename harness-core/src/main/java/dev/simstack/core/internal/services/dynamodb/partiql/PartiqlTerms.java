package dev.simstack.core.internal.services.dynamodb.partiql;

import dev.simstack.core.AwsException;
import dev.simstack.core.internal.services.dynamodb.DynamoDbErrors;
import dev.simstack.core.internal.services.dynamodb.expressions.DocumentPath;
import dev.simstack.core.internal.services.dynamodb.item.AttributeMap;
import dev.simstack.core.internal.services.dynamodb.item.AttributeValue;
import dev.simstack.core.internal.services.dynamodb.item.Numbers;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The terms of a PartiQL statement: the token cursor, names and paths, and values (literals and {@code ?}
 * parameters, bound in order as they are read).
 */
abstract class PartiqlTerms {

    private static final String UNSUPPORTED_IN_BAG =
            "Unsupported data type in Bag. DynamoDB only supports either numbers or strings in bags";
    private static final Set<String> OPERATOR_WORDS = Set.of("IS", "LIKE", "BETWEEN", "IN", "AND", "OR");

    private final List<PartiqlToken> tokens;
    private final List<AttributeValue> parameters;
    private int at;
    private int bound;

    PartiqlTerms(String text, List<AttributeValue> parameters) {
        this.tokens = PartiqlLexer.tokens(text);
        this.parameters = parameters;
    }

    final PartiqlToken peek() {
        return tokens.get(at);
    }

    final PartiqlToken peek(int ahead) {
        return tokens.get(Math.min(at + ahead, tokens.size() - 1));
    }

    final PartiqlToken advance() {
        PartiqlToken token = tokens.get(at);
        if (token.kind() != PartiqlToken.Kind.END) {
            at++;
        }
        return token;
    }

    final boolean acceptSymbol(String symbol) {
        if (peek().isSymbol(symbol)) {
            at++;
            return true;
        }
        return false;
    }

    final boolean acceptKeyword(String word) {
        if (peek().is(word)) {
            at++;
            return true;
        }
        return false;
    }

    final void expectSymbol(String symbol) {
        if (!acceptSymbol(symbol)) {
            throw unexpected();
        }
    }

    final void expectKeyword(String word) {
        if (!acceptKeyword(word)) {
            throw unexpected();
        }
    }

    /** AWS's complaint about the token where a term should start. */
    final AwsException unexpected() {
        PartiqlToken token = peek();
        if (token.kind() == PartiqlToken.Kind.END || token.isSymbol(";")) {
            return PartiqlErrors.malformed("Unexpected term");
        }
        if (token.kind() == PartiqlToken.Kind.SYMBOL && !token.text().matches("[\\[\\](){},.*;:]|<<|>>")
                || token.kind() == PartiqlToken.Kind.NAME && OPERATOR_WORDS.contains(token.text().toUpperCase())) {
            return PartiqlErrors.malformed("Unexpected operator");
        }
        if (token.isKeyword()) {
            return PartiqlErrors.malformed("Unexpected keyword");
        }
        return PartiqlErrors.malformed("Unexpected term");
    }

    /** A table, index or attribute name: bare (not a keyword) or in double quotes. */
    final String name() {
        PartiqlToken token = peek();
        if (token.kind() == PartiqlToken.Kind.QUOTED_NAME
                || token.kind() == PartiqlToken.Kind.NAME && !token.isKeyword()) {
            advance();
            return token.text();
        }
        throw unexpected();
    }

    final boolean atName() {
        PartiqlToken token = peek();
        return token.kind() == PartiqlToken.Kind.QUOTED_NAME || token.kind() == PartiqlToken.Kind.NAME
                && !token.isKeyword();
    }

    /** {@code a.b[0]."c"}. */
    final DocumentPath path() {
        List<Object> elements = new ArrayList<>();
        elements.add(name());
        while (true) {
            if (peek().isSymbol(".") && peek(1).kind() != PartiqlToken.Kind.END) {
                advance();
                elements.add(name());
            } else if (peek().isSymbol("[") && peek(1).kind() == PartiqlToken.Kind.NUMBER) {
                advance();
                elements.add(index(advance().text()));
                expectSymbol("]");
            } else {
                return new DocumentPath(elements);
            }
        }
    }

    private static int index(String digits) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            throw PartiqlErrors.malformed("");
        }
    }

    /** True if a value (a literal or {@code ?}) starts here. */
    final boolean atValue() {
        PartiqlToken token = peek();
        return switch (token.kind()) {
            case STRING, NUMBER, PARAMETER -> true;
            case SYMBOL -> token.text().equals("{") || token.text().equals("[") || token.text().equals("<<")
                    || token.text().equals("-") && peek(1).kind() == PartiqlToken.Kind.NUMBER;
            case NAME -> token.is("TRUE") || token.is("FALSE") || token.is("NULL");
            default -> false;
        };
    }

    /** A literal or parameter; {@code where} names it in number errors as AWS does ({@code root.x}). */
    final AttributeValue value(String where) {
        PartiqlToken token = advance();
        switch (token.kind()) {
            case PARAMETER:
                return parameter();
            case STRING:
                return new AttributeValue.S(token.text());
            case NUMBER:
                return number(token.text(), where);
            case NAME:
                if (token.is("TRUE") || token.is("FALSE")) {
                    return AttributeValue.Bool.of(token.is("TRUE"));
                }
                if (token.is("NULL")) {
                    return AttributeValue.Null.NULL;
                }
                break;
            case SYMBOL:
                return structured(token.text(), where);
            default:
                break;
        }
        at--;
        throw unexpected();
    }

    private AttributeValue structured(String symbol, String where) {
        switch (symbol) {
            case "-":
                return number("-" + advance().text(), where);
            case "{":
                return map(where);
            case "[":
                List<AttributeValue> list = new ArrayList<>();
                if (!acceptSymbol("]")) {
                    do {
                        list.add(value(where + "[" + list.size() + "]"));
                    } while (acceptSymbol(","));
                    expectSymbol("]");
                }
                return new AttributeValue.L(list);
            case "<<":
                return set();
            default:
                at--;
                throw unexpected();
        }
    }

    private AttributeValue map(String where) {
        Map<String, AttributeValue> entries = new LinkedHashMap<>();
        if (!acceptSymbol("}")) {
            do {
                PartiqlToken key = advance();
                if (key.kind() != PartiqlToken.Kind.STRING) {
                    at--;
                    throw unexpected();
                }
                expectSymbol(":");
                if (entries.containsKey(key.text())) {
                    throw DynamoDbErrors.validation("Duplicate keys in tuple. Key: " + key.text() + " under " + where);
                }
                entries.put(key.text(), value(where + "." + key.text()));
            } while (acceptSymbol(","));
            expectSymbol("}");
        }
        return new AttributeValue.M(AttributeMap.of(entries));
    }

    /** {@code <<'a', 'b'>>}: a string or number set (AWS's messages for the sets it refuses). */
    private AttributeValue set() {
        List<AttributeValue> elements = new ArrayList<>();
        if (!acceptSymbol(">>")) {
            do {
                if (peek().kind() == PartiqlToken.Kind.PARAMETER) {
                    throw DynamoDbErrors.validation(UNSUPPORTED_IN_BAG);
                }
                elements.add(value("root"));
            } while (acceptSymbol(","));
            expectSymbol(">>");
        }
        if (elements.isEmpty()) {
            throw DynamoDbErrors.validation("Empty bags are not supported");
        }
        AttributeValue.Type type = elements.get(0).type();
        for (AttributeValue element : elements) {
            if (element.type() != type || type != AttributeValue.Type.S && type != AttributeValue.Type.N) {
                throw DynamoDbErrors.validation(UNSUPPORTED_IN_BAG);
            }
        }
        if (new HashSet<>(elements).size() < elements.size()) {
            throw DynamoDbErrors.validation("Input collection contains duplicates");
        }
        return new AttributeValue.SetValue(type == AttributeValue.Type.S ? AttributeValue.Type.SS
                : AttributeValue.Type.NS, elements);
    }

    private static AttributeValue number(String text, String where) {
        BigDecimal value;
        try {
            value = new BigDecimal(text);
        } catch (NumberFormatException | ArithmeticException e) {
            throw PartiqlErrors.malformed("");
        }
        try {
            return new AttributeValue.N(Numbers.validate(value));
        } catch (AwsException e) {
            throw DynamoDbErrors.validation(e.getMessage() + " under " + where);
        }
    }

    /** The next parameter: AWS accepts surplus parameters but not too few. */
    final AttributeValue parameter() {
        if (parameters == null || bound >= parameters.size()) {
            throw DynamoDbErrors.validation("Number of parameters in request and statement don't match.");
        }
        return parameters.get(bound++);
    }
}
