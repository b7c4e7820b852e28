package dev.simstack.core.internal.services.dynamodb.partiql;

import dev.simstack.core.internal.services.dynamodb.DynamoDbErrors;
import dev.simstack.core.internal.services.dynamodb.expressions.Condition;
import dev.simstack.core.internal.services.dynamodb.expressions.DocumentPath;
import dev.simstack.core.internal.services.dynamodb.expressions.Operand;
import dev.simstack.core.internal.services.dynamodb.expressions.UpdateExpression;
import dev.simstack.core.internal.services.dynamodb.item.AttributeValue;
import dev.simstack.core.internal.services.dynamodb.partiql.PartiqlToken.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A recursive-descent parser of DynamoDB's PartiQL subset: one SELECT, INSERT, UPDATE or DELETE per text,
 * its {@code ?} parameters bound in order. It answers a typed {@link PartiqlStatement} or AWS's
 * "Statement wasn't well formed" errors; what it recognises but the engine does not run is refused by name.
 */
public final class PartiqlParser extends PartiqlConditions {

    private PartiqlParser(String text, List<AttributeValue> parameters) {
        super(text, parameters);
    }

    /**
     * Parses {@code text}.
     *
     * @param parameters the request's {@code Parameters}, or null
     * @throws dev.simstack.core.AwsException ValidationException for a statement AWS would refuse
     */
    public static PartiqlStatement parse(String text, List<AttributeValue> parameters) {
        return new PartiqlParser(text, parameters).statement();
    }

    /**
     * The table {@code text} names, read without parsing the rest of the statement (fault rules and the ledger
     * ask it of every PartiQL call); null when the text does not get as far as a table name.
     */
    public static String tableName(String text) {
        try {
            return new PartiqlParser(text, List.of()).table();
        } catch (RuntimeException malformed) {
            return null; // the operation refuses it with its own error
        }
    }

    private String table() {
        PartiqlToken first = advance();
        if (first.is("SELECT")) {
            while (peek().kind() != Kind.END && !peek().is("FROM")) {
                advance(); // the projection
            }
            expectKeyword("FROM");
        } else if (first.is("INSERT")) {
            expectKeyword("INTO");
        } else if (first.is("DELETE")) {
            expectKeyword("FROM");
        } else if (!first.is("UPDATE")) {
            return null;
        }
        return name();
    }

    private PartiqlStatement statement() {
        PartiqlToken first = advance();
        PartiqlStatement statement;
        if (first.is("SELECT")) {
            statement = select();
        } else if (first.is("INSERT")) {
            statement = insert();
        } else if (first.is("UPDATE")) {
            statement = update();
        } else if (first.is("DELETE")) {
            statement = delete();
        } else if (first.is("EXISTS") || first.is("FROM") || first.is("UPSERT") || first.is("REPLACE")) {
            throw PartiqlErrors.unsupported(first.text().toUpperCase(Locale.ROOT) + " statements");
        } else {
            throw PartiqlErrors.malformed("Expected data manipulation");
        }
        acceptSymbol(";");
        if (peek().kind() != Kind.END) {
            throw PartiqlErrors.malformed("Unexpected token after expression");
        }
        return statement;
    }

    private PartiqlStatement select() {
        List<DocumentPath> projection = new ArrayList<>();
        boolean star = false;
        do {
            if (acceptSymbol("*")) {
                star = true;
            } else {
                projection.add(path());
            }
        } while (acceptSymbol(","));
        if (star && !projection.isEmpty()) {
            throw DynamoDbErrors.validation("Other attributes should not be present in the projection when '*' is "
                    + "used.");
        }
        expectKeyword("FROM");
        String table = name();
        String index = null;
        if (acceptSymbol(".")) {
            index = name();
        }
        refuseAlias();
        Condition where = acceptKeyword("WHERE") ? condition() : null;
        DocumentPath orderBy = null;
        boolean descending = false;
        if (acceptKeyword("ORDER")) {
            expectKeyword("BY");
            orderBy = path();
            descending = acceptKeyword("DESC");
            if (!descending) {
                acceptKeyword("ASC");
            }
        }
        return new PartiqlStatement.Select(table, index, star ? null : projection, where, orderBy, descending);
    }

    /** AWS refuses table aliases in a message of their own. */
    private void refuseAlias() {
        if (peek().is("AS") || atName()) {
            throw DynamoDbErrors.validation("Aliasing is not supported");
        }
    }

    private PartiqlStatement insert() {
        expectKeyword("INTO");
        String table = name();
        expectKeyword("VALUE");
        if (!peek().isSymbol("{") && peek().kind() != Kind.PARAMETER) {
            throw PartiqlErrors.malformed("Expected a tuple in VALUE");
        }
        AttributeValue item = value("root");
        if (!(item instanceof AttributeValue.M map)) {
            throw PartiqlErrors.malformed("Expected a tuple in VALUE");
        }
        if (peek().is("RETURNING")) {
            throw DynamoDbErrors.validation("RETURNING is not supported in INSERT");
        }
        return new PartiqlStatement.Insert(table, map.values());
    }

    private PartiqlStatement update() {
        String table = name();
        refuseAlias();
        List<UpdateExpression.Action> actions = new ArrayList<>();
        while (true) {
            if (acceptKeyword("SET")) {
                do {
                    actions.add(assignment());
                } while (acceptSymbol(","));
            } else if (acceptKeyword("REMOVE")) {
                do {
                    actions.add(new UpdateExpression.RemoveAction(path()));
                } while (acceptSymbol(","));
            } else {
                break;
            }
        }
        if (actions.isEmpty()) {
            throw unexpected();
        }
        UpdateExpression update = UpdateExpression.of(actions, "UpdateExpression");
        Condition where = acceptKeyword("WHERE") ? condition() : null;
        String returning = returning();
        return new PartiqlStatement.Update(table, update, where, returning);
    }

    private UpdateExpression.Action assignment() {
        DocumentPath target = path();
        expectSymbol("=");
        if (peek().kind() == Kind.NAME && peek(1).isSymbol("(")) {
            String function = peek().text().toLowerCase(Locale.ROOT);
            if (function.equals("set_add") || function.equals("set_delete")) {
                advance();
                advance();
                DocumentPath source = path();
                expectSymbol(",");
                Operand.Value value = new Operand.Value("?", value("root"));
                expectSymbol(")");
                if (!source.equals(target)) {
                    throw PartiqlErrors.unsupported(function + " of another attribute than the one it sets");
                }
                return function.equals("set_add") ? new UpdateExpression.AddAction(target, value)
                        : new UpdateExpression.DeleteAction(target, value);
            }
        }
        Operand value = term();
        if (peek().isSymbol("+") || peek().isSymbol("-")) {
            boolean plus = advance().text().equals("+");
            value = new Operand.Arithmetic(plus, value, term());
        }
        return new UpdateExpression.SetAction(target, value);
    }

    /** A value of SET: a value, a path or {@code list_append(a, b)}. */
    private Operand term() {
        if (peek().is("list_append") && peek(1).isSymbol("(")) {
            advance();
            advance();
            Operand first = term();
            expectSymbol(",");
            Operand second = term();
            expectSymbol(")");
            return new Operand.ListAppend(first, second);
        }
        return operand();
    }

    private PartiqlStatement delete() {
        expectKeyword("FROM");
        if (!atName()) {
            throw PartiqlErrors.malformed("Expected identifier for simple path");
        }
        String table = name();
        refuseAlias();
        Condition where = acceptKeyword("WHERE") ? condition() : null;
        String returning = returning();
        if (!returning.equals("NONE") && !returning.equals("ALL_OLD")) {
            throw DynamoDbErrors.validation("Invalid returning clause: RETURNING "
                    + returning.replace("UPDATED", "MODIFIED").replace('_', ' ') + " *. Only RETURNING ALL OLD * is "
                    + "allowed in DELETE statements.");
        }
        return new PartiqlStatement.Delete(table, where, returning);
    }

    /** {@code RETURNING ALL|MODIFIED OLD|NEW *} as UpdateItem's ReturnValues. */
    private String returning() {
        if (!acceptKeyword("RETURNING")) {
            return "NONE";
        }
        boolean all = acceptKeyword("ALL");
        if (!all && !acceptKeyword("MODIFIED")) {
            throw unexpected();
        }
        boolean old = acceptKeyword("OLD");
        if (!old && !acceptKeyword("NEW")) {
            throw unexpected();
        }
        expectSymbol("*");
        return (all ? "ALL_" : "UPDATED_") + (old ? "OLD" : "NEW");
    }
}
