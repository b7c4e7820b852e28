package dev.simstack.core.internal.services.dynamodb.expressions;

import dev.simstack.core.internal.services.dynamodb.item.AttributeValue;
import dev.simstack.core.internal.services.dynamodb.item.AttributeValueCodec;
import dev.simstack.core.internal.services.dynamodb.item.ValueOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses condition, filter and key condition expressions. Precedence, loosest first, as the developer
 * guide's "Comparison operator and function reference" gives it: OR, AND, NOT, then comparisons,
 * BETWEEN, IN and functions; parentheses group.
 */
public final class ConditionExpressionParser extends ExpressionParser {

    /** The IN operator takes at most 100 operands. */
    private static final int MAX_IN_OPERANDS = 100;
    private static final String VALID_TYPES = "{ B; NULL; SS; BOOL; L; BS; N; NS; S; M }";

    /** The parenthesized groups parsed, as token index pairs (open << 32 | close). */
    private final java.util.Set<Long> groups = new java.util.HashSet<>();

    private ConditionExpressionParser(String kind, String text, ExpressionAttributes attributes) {
        super(kind, text, attributes);
    }

    /**
     * Parses {@code text}.
     *
     * @param kind the parameter it came in, for messages: {@code ConditionExpression}, {@code FilterExpression}
     *     or {@code KeyConditionExpression}
     */
    public static Condition parse(String kind, String text, ExpressionAttributes attributes) {
        ConditionExpressionParser parser = new ConditionExpressionParser(kind, text, attributes);
        Condition condition = parser.or();
        parser.finish();
        return condition;
    }

    private Condition or() {
        Condition left = and();
        while (acceptKeyword("OR")) {
            left = new Condition.Or(left, and());
        }
        return left;
    }

    private Condition and() {
        Condition left = not();
        while (acceptKeyword("AND")) {
            left = new Condition.And(left, not());
        }
        return left;
    }

    private Condition not() {
        if (acceptKeyword("NOT")) {
            return new Condition.Not(not());
        }
        return primary();
    }

    private Condition primary() {
        if (peek().kind() == Token.Kind.LEFT_PAREN) {
            int open = position();
            next();
            Condition inner = or();
            expect(Token.Kind.RIGHT_PAREN);
            int close = position() - 1;
            // AWS refuses a group that only wraps another group: ((a = :v))
            if (groups.contains(((long) (open + 1) << 32) | (close - 1))) {
                throw invalid("The expression has redundant parentheses;");
            }
            groups.add(((long) open << 32) | close);
            return inner;
        }
        if (atFunction() && !peek().text().equals("size")) {
            return function();
        }
        Operand left = operand();
        return comparison(left);
    }

    private Condition comparison(Operand left) {
        Token token = peek();
        Condition.Comparator comparator = comparator(token.kind());
        if (comparator != null) {
            next();
            Operand right = operand();
            if (comparator != Condition.Comparator.EQ && comparator != Condition.Comparator.NE) {
                checkOperandType(left, comparator.symbol(), AttributeValue.Type.S, AttributeValue.Type.N,
                        AttributeValue.Type.B);
                checkOperandType(right, comparator.symbol(), AttributeValue.Type.S, AttributeValue.Type.N,
                        AttributeValue.Type.B);
            }
            checkDistinct(comparator.symbol(), left, right);
            return new Condition.Compare(comparator, left, right);
        }
        if (acceptKeyword("BETWEEN")) {
            Operand lower = operand();
            if (!acceptKeyword("AND")) {
                throw syntaxError();
            }
            Operand upper = operand();
            for (Operand operand : List.of(left, lower, upper)) {
                checkOperandType(operand, "BETWEEN", AttributeValue.Type.S, AttributeValue.Type.N,
                        AttributeValue.Type.B);
            }
            checkBounds(lower, upper);
            return new Condition.Between(left, lower, upper);
        }
        if (acceptKeyword("IN")) {
            expect(Token.Kind.LEFT_PAREN);
            List<Operand> options = new ArrayList<>();
            do {
                options.add(operand());
            } while (accept(Token.Kind.COMMA));
            expect(Token.Kind.RIGHT_PAREN);
            if (options.size() > MAX_IN_OPERANDS) {
                defer("The IN operator is provided with too many operands; number of operands: " + options.size());
            }
            return new Condition.In(left, options);
        }
        if (left instanceof Operand.Size && peek().kind() == Token.Kind.EOF) {
            throw invalid("The function is not allowed to be used this way in an expression; function: size");
        }
        throw syntaxError();
    }

    private Condition function() {
        Token name = next();
        String function = name.text();
        switch (function) {
            case "attribute_exists":
            case "attribute_not_exists": {
                List<Object> args = arguments(function, 1, i -> operand());
                DocumentPath path = args.isEmpty() ? DocumentPath.of("_") : requirePath(args.get(0), function);
                return new Condition.Exists(path, function.equals("attribute_exists"));
            }
            case "attribute_type": {
                List<Object> args = arguments(function, 2, i -> operand());
                if (args.size() != 2) {
                    return new Condition.Exists(DocumentPath.of("_"), true);
                }
                Operand type = (Operand) args.get(1);
                checkTypeName(type);
                return new Condition.AttributeType(requirePath(args.get(0), function), type);
            }
            case "begins_with": {
                List<Object> args = arguments(function, 2, i -> operand());
                if (args.size() != 2) {
                    return new Condition.Exists(DocumentPath.of("_"), true);
                }
                checkOperandType((Operand) args.get(0), function, AttributeValue.Type.S, AttributeValue.Type.B);
                checkOperandType((Operand) args.get(1), function, AttributeValue.Type.S, AttributeValue.Type.B);
                return new Condition.BeginsWith((Operand) args.get(0), (Operand) args.get(1));
            }
            case "contains": {
                List<Object> args = arguments(function, 2, i -> operand());
                if (args.size() != 2) {
                    return new Condition.Exists(DocumentPath.of("_"), true);
                }
                checkDistinct(function, (Operand) args.get(0), (Operand) args.get(1));
                return new Condition.Contains((Operand) args.get(0), (Operand) args.get(1));
            }
            case "if_not_exists":
            case "list_append":
                defer("The function is not allowed to be used this way in an expression; function: " + function);
                arguments(function, 2, i -> operand());
                return new Condition.Exists(DocumentPath.of("_"), true);
            default:
                defer("Invalid function name; function: " + function);
                arguments(function, -1, i -> operand());
                return new Condition.Exists(DocumentPath.of("_"), true);
        }
    }

    /** An operand of a condition: a path, a value placeholder, or {@code size(path)}. */
    private Operand operand() {
        Token token = peek();
        if (token.kind() == Token.Kind.VALUE_PLACEHOLDER) {
            return value();
        }
        if (atFunction()) {
            String function = next().text();
            if (!function.equals("size")) {
                defer(isKnownFunction(function)
                        ? "The function is not allowed to be used this way in an expression; function: " + function
                        : "Invalid function name; function: " + function);
                arguments(function, -1, i -> operand());
                return new Operand.Path(DocumentPath.of("_"));
            }
            List<Object> args = arguments(function, 1, i -> operand());
            return new Operand.Size(args.isEmpty() ? DocumentPath.of("_") : requirePath(args.get(0), function));
        }
        if (token.kind() == Token.Kind.IDENTIFIER || token.kind() == Token.Kind.NAME_PLACEHOLDER) {
            return new Operand.Path(path());
        }
        throw syntaxError();
    }

    private static boolean isKnownFunction(String name) {
        switch (name) {
            case "attribute_exists": case "attribute_not_exists": case "attribute_type": case "begins_with":
            case "contains": case "size": case "if_not_exists": case "list_append":
                return true;
            default:
                return false;
        }
    }

    private static Condition.Comparator comparator(Token.Kind kind) {
        switch (kind) {
            case EQ: return Condition.Comparator.EQ;
            case NE: return Condition.Comparator.NE;
            case LT: return Condition.Comparator.LT;
            case LE: return Condition.Comparator.LE;
            case GT: return Condition.Comparator.GT;
            case GE: return Condition.Comparator.GE;
            default: return null;
        }
    }

    private void checkDistinct(String operator, Operand left, Operand right) {
        if (left instanceof Operand.Path && left.equals(right)) {
            defer("The first operand must be distinct from the remaining operands for this operator or function; "
                    + "operator: " + operator + ", first operand: " + ((Operand.Path) left).path());
        }
    }

    private void checkBounds(Operand lower, Operand upper) {
        if (lower instanceof Operand.Value && upper instanceof Operand.Value) {
            AttributeValue lo = ((Operand.Value) lower).value();
            AttributeValue hi = ((Operand.Value) upper).value();
            if (ValueOrder.comparable(lo, hi) && ValueOrder.compare(lo, hi) > 0) {
                defer("The BETWEEN operator requires upper bound to be greater than or equal to lower bound; "
                        + "lower bound operand: AttributeValue: {" + lo.type() + ":"
                        + AttributeValueCodec.scalarText(lo) + "}, upper bound operand: AttributeValue: {" + hi.type()
                        + ":" + AttributeValueCodec.scalarText(hi) + "}");
            }
        }
    }

    private void checkTypeName(Operand type) {
        if (!(type instanceof Operand.Value)) {
            return;
        }
        AttributeValue value = ((Operand.Value) type).value();
        if (!(value instanceof AttributeValue.S)) {
            defer("Incorrect operand type for operator or function; operator or function: attribute_type, "
                    + "operand type: " + typeName(value.type()));
            return;
        }
        String name = ((AttributeValue.S) value).value();
        try {
            AttributeValue.Type.valueOf(name);
        } catch (IllegalArgumentException e) {
            defer("Invalid attribute type name found; type: " + name + ", valid types: " + VALID_TYPES);
        }
    }
}
