package dev.simstack.core.internal.services.dynamodb.expressions;

import dev.simstack.core.internal.services.dynamodb.item.AttributeValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Parses an {@code UpdateExpression}: clauses SET, REMOVE, ADD and DELETE, in any order, each at most
 * once, with comma-separated actions; no two actions may touch overlapping paths.
 */
final class UpdateExpressionParser extends ExpressionParser {

    private static final String KIND = "UpdateExpression";

    private UpdateExpressionParser(String text, ExpressionAttributes attributes) {
        super(KIND, text, attributes);
    }

    static UpdateExpression parse(String text, ExpressionAttributes attributes) {
        UpdateExpressionParser parser = new UpdateExpressionParser(text, attributes);
        List<UpdateExpression.Action> actions = parser.clauses();
        parser.finish();
        List<DocumentPath> paths = new ArrayList<>();
        for (UpdateExpression.Action action : actions) {
            paths.add(action.path());
        }
        DocumentPath.checkDistinct(paths, KIND);
        return new UpdateExpression(actions);
    }

    private List<UpdateExpression.Action> clauses() {
        List<UpdateExpression.Action> actions = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        do {
            Token keyword = peek();
            String clause = keyword.kind() == Token.Kind.IDENTIFIER ? keyword.text().toUpperCase(Locale.ROOT) : "";
            if (!clause.equals("SET") && !clause.equals("REMOVE") && !clause.equals("ADD")
                    && !clause.equals("DELETE")) {
                throw syntaxError();
            }
            next();
            if (!seen.add(clause)) {
                throw invalid("The \"" + clause + "\" section can only be used once in an update expression;");
            }
            do {
                actions.add(action(clause));
            } while (accept(Token.Kind.COMMA));
        } while (peek().kind() != Token.Kind.EOF);
        return actions;
    }

    private UpdateExpression.Action action(String clause) {
        DocumentPath path = path();
        switch (clause) {
            case "SET":
                expect(Token.Kind.EQ);
                return new UpdateExpression.SetAction(path, setValue());
            case "REMOVE":
                return new UpdateExpression.RemoveAction(path);
            case "ADD": {
                Operand.Value value = value();
                checkOperandType(value, "ADD", AttributeValue.Type.N, AttributeValue.Type.SS, AttributeValue.Type.NS,
                        AttributeValue.Type.BS);
                return new UpdateExpression.AddAction(path, value);
            }
            default: {
                Operand.Value value = value();
                checkOperandType(value, "DELETE", AttributeValue.Type.SS, AttributeValue.Type.NS,
                        AttributeValue.Type.BS);
                return new UpdateExpression.DeleteAction(path, value);
            }
        }
    }

    private Operand setValue() {
        Operand left = operand();
        if (accept(Token.Kind.PLUS)) {
            return arithmetic(true, left, operand());
        }
        if (accept(Token.Kind.MINUS)) {
            return arithmetic(false, left, operand());
        }
        return left;
    }

    private Operand arithmetic(boolean plus, Operand left, Operand right) {
        checkOperandType(left, plus ? "+" : "-", AttributeValue.Type.N);
        checkOperandType(right, plus ? "+" : "-", AttributeValue.Type.N);
        return new Operand.Arithmetic(plus, left, right);
    }

    private Operand operand() {
        Token token = peek();
        if (token.kind() == Token.Kind.VALUE_PLACEHOLDER) {
            return value();
        }
        if (atFunction()) {
            String function = next().text();
            switch (function) {
                case "if_not_exists": {
                    List<Object> args = arguments(function, 2, i -> operand());
                    if (args.size() != 2) {
                        return new Operand.Path(DocumentPath.of("_"));
                    }
                    return new Operand.IfNotExists(requirePath(args.get(0), function), (Operand) args.get(1));
                }
                case "list_append": {
                    List<Object> args = arguments(function, 2, i -> operand());
                    if (args.size() != 2) {
                        return new Operand.Path(DocumentPath.of("_"));
                    }
                    checkOperandType((Operand) args.get(0), function, AttributeValue.Type.L);
                    checkOperandType((Operand) args.get(1), function, AttributeValue.Type.L);
                    return new Operand.ListAppend((Operand) args.get(0), (Operand) args.get(1));
                }
                case "attribute_exists": case "attribute_not_exists": case "attribute_type": case "begins_with":
                case "contains": case "size":
                    defer("The function is not allowed in an update expression; function: " + function);
                    arguments(function, -1, i -> operand());
                    return new Operand.Path(DocumentPath.of("_"));
                default:
                    defer("Invalid function name; function: " + function);
                    arguments(function, -1, i -> operand());
                    return new Operand.Path(DocumentPath.of("_"));
            }
        }
        if (token.kind() == Token.Kind.IDENTIFIER || token.kind() == Token.Kind.NAME_PLACEHOLDER) {
            return new Operand.Path(path());
        }
        throw syntaxError();
    }
}
