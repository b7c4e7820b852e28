package dev.simstack.core.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.simstack.core.ClockSpec;
import dev.simstack.core.StackConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Model-based test standing in for a differential test against DynamoDB Local (whose licence rules it
 * out): random sequences of PutItem, UpdateItem, DeleteItem, GetItem and Query with random conditions run
 * through the SDK against the engine and against a small reference model of the same semantics, and
 * every outcome (applied, condition failed, validation error, item read, query page) must agree.
 */
class ItemModelProperties {

    private static DynamoDbTestSupport support;
    private static final AtomicInteger TABLES = new AtomicInteger();

    @BeforeContainer
    static void start() {
        support = DynamoDbTestSupport.start(StackConfig.defaults().withClock(ClockSpec.manual()).withSeed(1));
    }

    @AfterContainer
    static void stop() {
        support.close();
    }

    /** A condition of the subset the model knows. */
    sealed interface Cond permits Exists, NotExists, VEquals, VLess, TagBegins, And, Or, Not {
    }

    record Exists() implements Cond {
    }

    record NotExists() implements Cond {
    }

    record VEquals(long x) implements Cond {
    }

    record VLess(long x) implements Cond {
    }

    record TagBegins(String prefix) implements Cond {
    }

    record And(Cond a, Cond b) implements Cond {
    }

    record Or(Cond a, Cond b) implements Cond {
    }

    record Not(Cond a) implements Cond {
    }

    /** One step of a run. */
    sealed interface Step permits Put, Update, Delete, Get, Query {
    }

    record Put(String pk, int sk, long v, String tag, Cond cond) implements Step {
    }

    /** {@code kind}: 0 SET v = v + d, 1 SET tag = t, 2 REMOVE tag, 3 ADD v d. */
    record Update(String pk, int sk, int kind, long d, String tag, Cond cond) implements Step {
    }

    record Delete(String pk, int sk, Cond cond) implements Step {
    }

    record Get(String pk, int sk) implements Step {
    }

    /** {@code kind}: 0 sk > bound, 1 sk BETWEEN bound AND bound + 2, 2 sk <= bound; read page by page. */
    record Query(String pk, int kind, int bound, boolean forward, Integer limit) implements Step {
    }

    @Provide
    Arbitrary<List<Step>> runs() {
        Arbitrary<String> pk = Arbitraries.of("a", "b");
        Arbitrary<Integer> sk = Arbitraries.integers().between(0, 4);
        Arbitrary<Long> small = Arbitraries.longs().between(-3, 3);
        Arbitrary<String> tag = Arbitraries.of("red", "rose", "blue");
        Arbitrary<Cond> cond = conditions(3).injectNull(0.3);
        Arbitrary<Step> put = Combinators.combine(pk, sk, small, tag.injectNull(0.3), cond).as(Put::new);
        Arbitrary<Step> update = Combinators.combine(pk, sk, Arbitraries.integers().between(0, 3), small, tag, cond)
                .as(Update::new);
        Arbitrary<Step> delete = Combinators.combine(pk, sk, cond).as(Delete::new);
        Arbitrary<Step> get = Combinators.combine(pk, sk).as(Get::new);
        Arbitrary<Step> query = Combinators.combine(pk, Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(-1, 4), Arbitraries.of(true, false),
                Arbitraries.integers().between(1, 3).injectNull(0.5)).as(Query::new);
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, put), net.jqwik.api.Tuple.of(4, update),
                net.jqwik.api.Tuple.of(2, delete), net.jqwik.api.Tuple.of(2, get), net.jqwik.api.Tuple.of(2, query))
                .list().ofMinSize(1).ofMaxSize(25);
    }

    private Arbitrary<Cond> conditions(int depth) {
        Arbitrary<Cond> leaf = Arbitraries.oneOf(Arbitraries.just(new Exists()), Arbitraries.just(new NotExists()),
                Arbitraries.longs().between(-3, 3).map(VEquals::new), Arbitraries.longs().between(-3, 3).map(VLess::new),
                Arbitraries.of("r", "ro", "b").map(TagBegins::new));
        if (depth == 0) {
            return leaf;
        }
        Arbitrary<Cond> inner = conditions(depth - 1);
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, leaf),
                net.jqwik.api.Tuple.of(1, Combinators.combine(inner, inner).as(And::new)),
                net.jqwik.api.Tuple.of(1, Combinators.combine(inner, inner).as(Or::new)),
                net.jqwik.api.Tuple.of(1, inner.map(Not::new)));
    }

    @Property(tries = 60)
    void engine_agrees_with_the_model(@ForAll("runs") List<Step> run) {
        String table = "model-" + TABLES.incrementAndGet();
        support.dynamo.createTable(b -> b.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(DynamoDbTestSupport.def("pk", ScalarAttributeType.S),
                        DynamoDbTestSupport.def("sk", ScalarAttributeType.N),
                        DynamoDbTestSupport.def("tag", ScalarAttributeType.S))
                .keySchema(DynamoDbTestSupport.hash("pk"), DynamoDbTestSupport.range("sk"))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("byTag")
                        .keySchema(DynamoDbTestSupport.hash("tag"))
                        .projection(p -> p.projectionType(ProjectionType.ALL)).build()));
        Map<String, TreeMap<Integer, Map<String, Object>>> model = new HashMap<>();
        for (Step step : run) {
            if (step instanceof Get get) {
                Map<String, AttributeValue> read = support.dynamo.getItem(b -> b.tableName(table)
                        .key(key(get.pk(), get.sk())).consistentRead(true)).item();
                assertThat(read).as("GetItem after %s", run).isEqualTo(wire(get.pk(), get.sk(),
                        model.getOrDefault(get.pk(), new TreeMap<>()).get(get.sk())));
            } else if (step instanceof Query query) {
                checkQuery(table, query, model.getOrDefault(query.pk(), new TreeMap<>()));
                checkIndex(table, model);
            } else {
                write(table, step, model);
            }
        }
    }

    private static void checkQuery(String table, Query query, TreeMap<Integer, Map<String, Object>> partition) {
        java.util.NavigableMap<Integer, Map<String, Object>> range;
        String condition;
        switch (query.kind()) {
            case 0 -> {
                range = partition.tailMap(query.bound(), false);
                condition = "sk > :a";
            }
            case 1 -> {
                range = partition.subMap(query.bound(), true, query.bound() + 2, true);
                condition = "sk BETWEEN :a AND :b";
            }
            default -> {
                range = partition.headMap(query.bound(), true);
                condition = "sk <= :a";
            }
        }
        List<Integer> expected = new ArrayList<>((query.forward() ? range : range.descendingMap()).keySet());
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":pk", AttributeValue.fromS(query.pk()),
                ":a", AttributeValue.fromN(Integer.toString(query.bound()))));
        if (query.kind() == 1) {
            values.put(":b", AttributeValue.fromN(Integer.toString(query.bound() + 2)));
        }
        List<Integer> actual = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        int pages = 0;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse response = support.dynamo.query(b -> b.tableName(table).scanIndexForward(query.forward())
                    .limit(query.limit()).keyConditionExpression("pk = :pk AND " + condition)
                    .expressionAttributeValues(values).exclusiveStartKey(from));
            response.items().forEach(i -> actual.add(Integer.parseInt(i.get("sk").n())));
            start = response.hasLastEvaluatedKey() ? response.lastEvaluatedKey() : null;
            pages++;
        } while (start != null && pages < 10);
        assertThat(actual).as("%s", query).isEqualTo(expected);
    }

    /** The global index on {@code tag} holds exactly the items that have one, whatever was written. */
    private static void checkIndex(String table, Map<String, TreeMap<Integer, Map<String, Object>>> model) {
        for (String tag : List.of("red", "rose", "blue")) {
            java.util.Set<String> expected = new java.util.HashSet<>();
            model.forEach((pk, partition) -> partition.forEach((sk, item) -> {
                if (tag.equals(item.get("tag"))) {
                    expected.add(pk + "/" + sk);
                }
            }));
            java.util.Set<String> actual = new java.util.HashSet<>();
            support.dynamo.queryPaginator(b -> b.tableName(table).indexName("byTag").keyConditionExpression("tag = :t")
                    .expressionAttributeValues(Map.of(":t", AttributeValue.fromS(tag)))).items()
                    .forEach(i -> actual.add(i.get("pk").s() + "/" + i.get("sk").n()));
            assertThat(actual).as("index entries for %s", tag).isEqualTo(expected);
        }
    }

    private static void write(String table, Step step, Map<String, TreeMap<Integer, Map<String, Object>>> model) {
        String pk = step instanceof Put p ? p.pk() : step instanceof Update u ? u.pk() : ((Delete) step).pk();
        int sk = step instanceof Put p ? p.sk() : step instanceof Update u ? u.sk() : ((Delete) step).sk();
        Cond cond = step instanceof Put p ? p.cond() : step instanceof Update u ? u.cond() : ((Delete) step).cond();
        TreeMap<Integer, Map<String, Object>> partition = model.computeIfAbsent(pk, k -> new TreeMap<>());
        Map<String, Object> before = partition.get(sk);
        boolean holds = cond == null || holds(cond, before);
        Map<String, Object> after = null;
        boolean invalid = false;
        if (step instanceof Put put) {
            after = new LinkedHashMap<>();
            after.put("v", put.v());
            if (put.tag() != null) {
                after.put("tag", put.tag());
            }
        } else if (step instanceof Update update) {
            after = before == null ? new LinkedHashMap<>() : new LinkedHashMap<>(before);
            switch (update.kind()) {
                case 0 -> {
                    if (after.get("v") == null) {
                        invalid = true;
                    } else {
                        after.put("v", (Long) after.get("v") + update.d());
                    }
                }
                case 1 -> after.put("tag", update.tag());
                case 2 -> after.remove("tag");
                default -> after.put("v", (after.get("v") == null ? 0L : (Long) after.get("v")) + update.d());
            }
        }
        Outcome expected = !holds ? Outcome.CONDITION_FAILED : invalid ? Outcome.INVALID : Outcome.APPLIED;
        Outcome actual = send(table, step, cond);
        assertThat(actual).as("%s on %s", step, before).isEqualTo(expected);
        if (expected == Outcome.APPLIED) {
            if (after == null) {
                partition.remove(sk);
            } else {
                partition.put(sk, after);
            }
        }
    }

    enum Outcome { APPLIED, CONDITION_FAILED, INVALID }

    private static Outcome send(String table, Step step, Cond cond) {
        Map<String, AttributeValue> values = new HashMap<>();
        String condition = cond == null ? null : render(cond, values);
        try {
            if (step instanceof Put put) {
                Map<String, AttributeValue> item = new HashMap<>(key(put.pk(), put.sk()));
                item.put("v", AttributeValue.fromN(Long.toString(put.v())));
                if (put.tag() != null) {
                    item.put("tag", AttributeValue.fromS(put.tag()));
                }
                support.dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression(condition)
                        .expressionAttributeValues(values.isEmpty() ? null : values));
            } else if (step instanceof Update update) {
                String expression;
                switch (update.kind()) {
                    case 0 -> {
                        expression = "SET v = v + :d";
                        values.put(":d", AttributeValue.fromN(Long.toString(update.d())));
                    }
                    case 1 -> {
                        expression = "SET tag = :t";
                        values.put(":t", AttributeValue.fromS(update.tag()));
                    }
                    case 2 -> expression = "REMOVE tag";
                    default -> {
                        expression = "ADD v :d";
                        values.put(":d", AttributeValue.fromN(Long.toString(update.d())));
                    }
                }
                support.dynamo.updateItem(b -> b.tableName(table).key(key(update.pk(), update.sk()))
                        .updateExpression(expression).conditionExpression(condition)
                        .expressionAttributeValues(values.isEmpty() ? null : values));
            } else {
                Delete delete = (Delete) step;
                support.dynamo.deleteItem(b -> b.tableName(table).key(key(delete.pk(), delete.sk()))
                        .conditionExpression(condition).expressionAttributeValues(values.isEmpty() ? null : values));
            }
            return Outcome.APPLIED;
        } catch (ConditionalCheckFailedException e) {
            return Outcome.CONDITION_FAILED;
        } catch (DynamoDbException e) {
            if (e.awsErrorDetails().errorCode().equals("ValidationException")) {
                return Outcome.INVALID;
            }
            throw e;
        }
    }

    private static boolean holds(Cond cond, Map<String, Object> item) {
        Object v = item == null ? null : item.get("v");
        Object tag = item == null ? null : item.get("tag");
        if (cond instanceof Exists) {
            return item != null;
        }
        if (cond instanceof NotExists) {
            return item == null;
        }
        if (cond instanceof VEquals e) {
            return v != null && (Long) v == e.x();
        }
        if (cond instanceof VLess l) {
            return v != null && (Long) v < l.x();
        }
        if (cond instanceof TagBegins t) {
            return tag != null && ((String) tag).startsWith(t.prefix());
        }
        if (cond instanceof And and) {
            return holds(and.a(), item) && holds(and.b(), item);
        }
        if (cond instanceof Or or) {
            return holds(or.a(), item) || holds(or.b(), item);
        }
        return !holds(((Not) cond).a(), item);
    }

    private static String render(Cond cond, Map<String, AttributeValue> values) {
        if (cond instanceof Exists) {
            return "attribute_exists(pk)";
        }
        if (cond instanceof NotExists) {
            return "attribute_not_exists(pk)";
        }
        if (cond instanceof VEquals e) {
            return "v = " + value(values, AttributeValue.fromN(Long.toString(e.x())));
        }
        if (cond instanceof VLess l) {
            return "v < " + value(values, AttributeValue.fromN(Long.toString(l.x())));
        }
        if (cond instanceof TagBegins t) {
            return "begins_with(tag, " + value(values, AttributeValue.fromS(t.prefix())) + ")";
        }
        if (cond instanceof And and) {
            return "(" + render(and.a(), values) + ") AND (" + render(and.b(), values) + ")";
        }
        if (cond instanceof Or or) {
            return "(" + render(or.a(), values) + ") OR (" + render(or.b(), values) + ")";
        }
        return "NOT (" + render(((Not) cond).a(), values) + ")";
    }

    private static String value(Map<String, AttributeValue> values, AttributeValue value) {
        String name = ":c" + values.size();
        values.put(name, value);
        return name;
    }

    private static Map<String, AttributeValue> key(String pk, int sk) {
        return Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromN(Integer.toString(sk)));
    }

    private static Map<String, AttributeValue> wire(String pk, int sk, Map<String, Object> item) {
        if (item == null) {
            return Map.of();
        }
        Map<String, AttributeValue> wire = new HashMap<>(key(pk, sk));
        item.forEach((name, value) -> wire.put(name, value instanceof Long l ? AttributeValue.fromN(Long.toString(l))
                : AttributeValue.fromS((String) value)));
        return wire;
    }
}
