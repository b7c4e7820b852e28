package dev.simstack.core.internal.services.dynamodb.expressions;

import dev.simstack.core.internal.services.dynamodb.item.AttributeMap;
import dev.simstack.core.internal.services.dynamodb.item.AttributeValue;
import dev.simstack.core.internal.services.dynamodb.item.AttributeValueCodec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A parsed {@code UpdateExpression}: its SET, REMOVE, ADD and DELETE actions. Every SET value is computed
 * from the item as it was before the update, then the actions apply in clause order; list elements
 * removed from one list go from the highest index down, so each index means what it meant before.
 */
public final class UpdateExpression {

    /** One action of the expression. */
    public sealed interface Action {
        DocumentPath path();
    }

    public record SetAction(DocumentPath path, Operand value) implements Action {
    }

    public record RemoveAction(DocumentPath path) implements Action {
    }

    public record AddAction(DocumentPath path, Operand.Value value) implements Action {
    }

    public record DeleteAction(DocumentPath path, Operand.Value value) implements Action {
    }

    private final List<Action> actions;

    UpdateExpression(List<Action> actions) {
        this.actions = List.copyOf(actions);
    }

    /**
     * The expression of {@code actions} made by another front end (PartiQL's SET and REMOVE), with the
     * rule every UpdateExpression follows: no two actions on overlapping paths.
     */
    public static UpdateExpression of(List<Action> actions, String expressionKind) {
        DocumentPath.checkDistinct(actions.stream().map(Action::path).toList(), expressionKind);
        return new UpdateExpression(actions);
    }

    public static UpdateExpression parse(String text, ExpressionAttributes attributes) {
        return UpdateExpressionParser.parse(text, attributes);
    }

    public List<Action> actions() {
        return actions;
    }

    /** The paths the expression writes, for UPDATED_OLD and UPDATED_NEW. */
    public List<DocumentPath> paths() {
        List<DocumentPath> paths = new ArrayList<>();
        for (Action action : actions) {
            paths.add(action.path());
        }
        return paths;
    }

    /** The top-level attributes the expression writes. */
    public Set<String> attributes() {
        Set<String> names = new LinkedHashSet<>();
        for (Action action : actions) {
            names.add(action.path().attribute());
        }
        return names;
    }

    /** The item after the update. */
    public AttributeMap apply(AttributeMap before) {
        List<AttributeValue> setValues = new ArrayList<>();
        for (Action action : actions) {
            if (action instanceof SetAction) {
                setValues.add(((SetAction) action).value().evaluate(before));
            }
        }
        AttributeMap item = before;
        int next = 0;
        for (Action action : actions) {
            if (action instanceof SetAction) {
                item = action.path().set(item, setValues.get(next++));
            }
        }
        List<RemoveAction> removes = new ArrayList<>();
        for (Action action : actions) {
            if (action instanceof RemoveAction) {
                removes.add((RemoveAction) action);
            }
        }
        removes.sort(Comparator.comparing(RemoveAction::path, UpdateExpression::highestIndexFirst));
        for (RemoveAction remove : removes) {
            item = remove.path().remove(item);
        }
        for (Action action : actions) {
            if (action instanceof AddAction) {
                item = add(item, (AddAction) action);
            } else if (action instanceof DeleteAction) {
                item = delete(item, (DeleteAction) action);
            }
        }
        return item;
    }

    private static int highestIndexFirst(DocumentPath a, DocumentPath b) {
        int common = Math.min(a.elements().size(), b.elements().size());
        for (int i = 0; i < common; i++) {
            Object x = a.elements().get(i);
            Object y = b.elements().get(i);
            if (x instanceof Integer && y instanceof Integer && !x.equals(y)) {
                return Integer.compare((Integer) y, (Integer) x);
            }
        }
        return 0;
    }

    private static AttributeMap add(AttributeMap item, AddAction action) {
        AttributeValue current = action.path().get(item);
        AttributeValue value = action.value().value();
        if (current == null) {
            return action.path().set(item, value);
        }
        if (current instanceof AttributeValue.N && value instanceof AttributeValue.N) {
            return action.path().set(item, AttributeValueCodec.number(
                    ((AttributeValue.N) current).value().add(((AttributeValue.N) value).value())));
        }
        if (current.type().isSet() && current.type() == value.type()) {
            Set<AttributeValue> union = new LinkedHashSet<>(((AttributeValue.SetValue) current).elements());
            union.addAll(((AttributeValue.SetValue) value).elements());
            return action.path().set(item, new AttributeValue.SetValue(current.type(), new ArrayList<>(union)));
        }
        throw Operand.incorrectType();
    }

    private static AttributeMap delete(AttributeMap item, DeleteAction action) {
        AttributeValue current = action.path().get(item);
        AttributeValue value = action.value().value();
        if (current == null) {
            return item;
        }
        if (current.type() != value.type()) {
            throw Operand.incorrectType();
        }
        List<AttributeValue> remaining = new ArrayList<>(((AttributeValue.SetValue) current).elements());
        remaining.removeAll(((AttributeValue.SetValue) value).elements());
        return remaining.isEmpty() ? action.path().remove(item)
                : action.path().set(item, new AttributeValue.SetValue(current.type(), remaining));
    }
}
