package dev.simstack.core.internal.services.dynamodb.partiql;

import dev.simstack.core.internal.services.dynamodb.DynamoDbErrors;
import dev.simstack.core.internal.services.dynamodb.expressions.Condition;
import dev.simstack.core.internal.services.dynamodb.expressions.DocumentPath;
import dev.simstack.core.internal.services.dynamodb.expressions.Operand;
import dev.simstack.core.internal.services.dynamodb.item.AttributeValue;
import dev.simstack.core.internal.services.dynamodb.partiql.PartiqlToken.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * WHERE clauses, read into the engine's {@link Condition}s: {@code = <> != < <= > >=}, BETWEEN, IN, AND, OR,
 * NOT, {@code IS [NOT] MISSING}, {@code IS [NOT] NULL}, begins_with, contains, attribute_type and size.
 */
abstract class PartiqlConditions extends PartiqlTerms {

    private static final Map<String, Condition.Comparator> COMPARATORS = Map.of("=", Condition.Comparator.EQ,
            "<>", Condition.Comparator.NE, "!=", Condition.Comparator.NE, "<", Condition.Comparator.LT,
            "<=", Condition.Comparator.LE, ">", Condition.Comparator.GT, ">=", Condition.Comparator.GE);

    /** The functions a WHERE clause may call as a condition (size is a value). */
    private static final java.util.Set<String> CONDITION_FUNCTIONS = java.util.Set.of("begins_with", "contains",
            "attribute_type", "exists");

    PartiqlConditions(String text, List<AttributeValue> parameters) {
        super(text, parameters);
    }

    final Condition condition() {
        Condition left = conjunction();
        while (acceptKeyword("OR")) {
            left = new Condition.Or(left, rightHandSide(this::conjunction));
        }
        return left;
    }

    private Condition conjunction() {
        Condition left = negation();
        while (acceptKeyword("AND")) {
            left = new Condition.And(left, rightHandSide(this::negation));
        }
        return left;
    }

    private Condition rightHandSide(java.util.function.Supplier<Condition> side) {
        if (peek().kind() == Kind.END || peek().isSymbol(";")) {
            throw PartiqlErrors.malformed("Missing right-hand side expression of infix operator");
        }
        return side.get();
    }

    private Condition negation() {
        if (acceptKeyword("NOT")) {
            return new Condition.Not(negation());
        }
        return predicate();
    }

    private Condition predicate() {
        if (acceptSymbol("(")) {
            Condition inner = condition();
            expectSymbol(")");
            return inner;
        }
        if (peek().kind() == Kind.NAME && peek(1).isSymbol("(")) {
            String function = peek().text().toLowerCase(Locale.ROOT);
            if (!function.equals("size")) {
                String written = advance().text();
                advance();
                return function(written);
            }
        }
        Operand left = operand();
        String symbol = peek().kind() == Kind.SYMBOL ? peek().text() : "";
        if (COMPARATORS.containsKey(symbol)) {
            advance();
            return new Condition.Compare(COMPARATORS.get(symbol), left, operand());
        }
        boolean negated = acceptKeyword("NOT");
        Condition condition;
        if (acceptKeyword("BETWEEN")) {
            Operand lower = operand();
            expectKeyword("AND");
            condition = new Condition.Between(left, lower, operand());
        } else if (acceptKeyword("IN")) {
            condition = new Condition.In(left, options());
        } else if (!negated && acceptKeyword("IS")) {
            return is(left);
        } else {
            throw unexpected();
        }
        return negated ? new Condition.Not(condition) : condition;
    }

    /** {@code IS [NOT] MISSING} and {@code IS [NOT] NULL}; in PartiQL a missing attribute IS NULL too. */
    private Condition is(Operand left) {
        DocumentPath path = pathOf(left, "IS");
        boolean not = acceptKeyword("NOT");
        Condition condition;
        if (acceptKeyword("MISSING")) {
            condition = new Condition.Exists(path, false);
        } else if (acceptKeyword("NULL")) {
            condition = new Condition.Or(new Condition.Exists(path, false), new Condition.AttributeType(path,
                    new Operand.Value("NULL", new AttributeValue.S("NULL"))));
        } else {
            throw PartiqlErrors.malformed("Expected type name");
        }
        return not ? new Condition.Not(condition) : condition;
    }

    private List<Operand> options() {
        String close;
        if (acceptSymbol("[")) {
            close = "]";
        } else {
            expectSymbol("(");
            close = ")";
        }
        List<Operand> options = new ArrayList<>();
        do {
            options.add(operand());
        } while (acceptSymbol(","));
        expectSymbol(close);
        return options;
    }

    private Condition function(String written) {
        String function = written.toLowerCase(Locale.ROOT);
        if (function.equals("attribute_exists") || function.equals("attribute_not_exists")) {
            DocumentPath path = path();
            expectSymbol(")");
            return new Condition.Exists(path, function.equals("attribute_exists"));
        }
        if (!CONDITION_FUNCTIONS.contains(function)) {
            throw DynamoDbErrors.validation("Unrecognized function: " + written);
        }
        Operand first = operand();
        expectSymbol(",");
        Operand second = operand();
        expectSymbol(")");
        switch (function) {
            case "begins_with":
                return new Condition.BeginsWith(first, second);
            case "contains":
                return new Condition.Contains(first, second);
            case "attribute_type":
                return new Condition.AttributeType(pathOf(first, function), second);
            case "exists":
                throw DynamoDbErrors.validation("EXISTS can only be used in ExecuteTransaction write requests.");
            default:
                throw DynamoDbErrors.validation("Unrecognized function: " + function);
        }
    }

    /** A value, a path or {@code size(path)}. */
    final Operand operand() {
        if (atValue()) {
            String text = peek().kind() == Kind.PARAMETER ? "?" : peek().text();
            return new Operand.Value(text, value("root"));
        }
        if (peek().is("size") && peek(1).isSymbol("(")) {
            advance();
            advance();
            DocumentPath path = path();
            expectSymbol(")");
            return new Operand.Size(path);
        }
        if (peek().kind() == Kind.NAME && peek(1).isSymbol("(")) {
            throw DynamoDbErrors.validation("Unrecognized function: " + peek().text());
        }
        if (!atName()) {
            throw unexpected();
        }
        return new Operand.Path(path());
    }

    private static DocumentPath pathOf(Operand operand, String what) {
        if (!(operand instanceof Operand.Path path)) {
            throw PartiqlErrors.unsupported(what + " on anything but an attribute path");
        }
        return path.path();
    }
}
