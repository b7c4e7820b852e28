package dev.simstack.core.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The DynamoDB front door under random and mangled requests: valid requests with members replaced by
 * arbitrary JSON or removed, arbitrary JSON documents and arbitrary bytes, for every operation. Whatever
 * comes in, the answer is a 4xx in time, never a 5xx and never a hang.
 */
class FrontDoorFuzzProperties {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> OPERATIONS = List.of("PutItem", "GetItem", "UpdateItem", "DeleteItem", "Query",
            "Scan", "BatchGetItem", "BatchWriteItem", "TransactWriteItems", "TransactGetItems", "CreateTable",
            "DescribeTable", "UpdateTable", "ListTables", "UpdateTimeToLive", "DescribeTimeToLive",
            "TagResource", "UntagResource", "ListTagsOfResource", "ExecuteStatement", "BatchExecuteStatement",
            "ExecuteTransaction", "NoSuchOperation");

    /** Valid requests, each with its operation, that the properties mangle. */
    private static final List<Map.Entry<String, String>> TEMPLATES = List.of(
            Map.entry("PutItem",
                    "{'TableName':'fuzz','Item':{'pk':{'S':'a'},'sk':{'N':'1'},'m':{'M':{'l':{'L':[{'N':'1'},{'SS':['x']}]}}}},"
                    + "'ConditionExpression':'attribute_not_exists(pk) OR #a < :v','ExpressionAttributeNames':"
                    + "{'#a':'a'},'ExpressionAttributeValues':{':v':{'N':'5'}},'ReturnValues':'ALL_OLD'}"),
            Map.entry("UpdateItem",
                    "{'TableName':'fuzz','Key':{'pk':{'S':'a'},'sk':{'N':'1'}},'UpdateExpression':'SET a = if_not_exists(a,"
                    + " :z) + :one, l = list_append(if_not_exists(l, :l), :l) REMOVE b ADD s :s DELETE d :s',"
                    + "'ExpressionAttributeValues':{':z':{'N':'0'},':one':{'N':'1'},':l':{'L':[]},':s':{'SS':['q']}},"
                    + "'ReturnValues':'UPDATED_NEW'}"),
            Map.entry("Query",
                    "{'TableName':'fuzz','KeyConditionExpression':'pk = :p AND sk BETWEEN :a AND :b','FilterExpression':"
                    + "'size(x) > :a','ExpressionAttributeValues':{':p':{'S':'a'},':a':{'N':'0'},':b':{'N':'9'}},"
                    + "'Limit':2,'ScanIndexForward':false,'ExclusiveStartKey':{'pk':{'S':'a'},'sk':{'N':'1'}}}"),
            Map.entry("Scan",
                    "{'TableName':'fuzz','Segment':0,'TotalSegments':2,'ProjectionExpression':'pk, m.l[0]','Select':"
                    + "'SPECIFIC_ATTRIBUTES','ReturnConsumedCapacity':'INDEXES'}"),
            Map.entry("BatchWriteItem",
                    "{'RequestItems':{'fuzz':[{'PutRequest':{'Item':{'pk':{'S':'b'},'sk':{'N':'2'}}}},{'DeleteRequest':"
                    + "{'Key':{'pk':{'S':'a'},'sk':{'N':'1'}}}}]}}"),
            Map.entry("BatchGetItem",
                    "{'RequestItems':{'fuzz':{'Keys':[{'pk':{'S':'b'},'sk':{'N':'2'}}],'ConsistentRead':true}}}"),
            Map.entry("TransactWriteItems",
                    "{'TransactItems':[{'Put':{'TableName':'fuzz','Item':{'pk':{'S':'c'},'sk':{'N':'3'}}}},{'ConditionCheck':"
                    + "{'TableName':'fuzz','Key':{'pk':{'S':'b'},'sk':{'N':'2'}},'ConditionExpression':"
                    + "'attribute_exists(pk)'}}],'ClientRequestToken':'t1'}"),
            Map.entry("CreateTable",
                    "{'TableName':'fuzz2','BillingMode':'PAY_PER_REQUEST','AttributeDefinitions':[{'AttributeName':'id',"
                    + "'AttributeType':'S'},{'AttributeName':'g','AttributeType':'N'}],'KeySchema':[{'AttributeName':"
                    + "'id','KeyType':'HASH'}],'GlobalSecondaryIndexes':[{'IndexName':'byG','KeySchema':"
                    + "[{'AttributeName':'g','KeyType':'HASH'}],'Projection':{'ProjectionType':'KEYS_ONLY'}}],"
                    + "'StreamSpecification':{'StreamEnabled':true,'StreamViewType':'NEW_IMAGE'}}"),
            Map.entry("UpdateTimeToLive",
                    "{'TableName':'fuzz','TimeToLiveSpecification':{'Enabled':true,'AttributeName':'ttl'}}"),
            Map.entry("UpdateTable",
                    "{'TableName':'fuzz','AttributeDefinitions':[{'AttributeName':'g','AttributeType':'S'}],"
                    + "'GlobalSecondaryIndexUpdates':[{'Create':{'IndexName':'byG','KeySchema':[{'AttributeName':'g',"
                    + "'KeyType':'HASH'}],'Projection':{'ProjectionType':'INCLUDE','NonKeyAttributes':['x']}}}],"
                    + "'ReplicaUpdates':[{'Create':{'RegionName':'eu-west-1'}}],'BillingMode':'PAY_PER_REQUEST'}"),
            Map.entry("Query",
                    "{'TableName':'fuzz','IndexName':'byG','KeyConditionExpression':'g = :g','ExpressionAttributeValues':"
                    + "{':g':{'S':'x'}},'ExclusiveStartKey':{'pk':{'S':'a'},'sk':{'N':'1'},'g':{'S':'x'}},"
                    + "'Select':'ALL_PROJECTED_ATTRIBUTES'}"),
            Map.entry("TagResource",
                    "{'ResourceArn':'arn:aws:dynamodb:us-east-1:000000000000:table/fuzz','Tags':[{'Key':'k','Value':'v'}],"
                    + "'TagKeys':['k']}"));

    private static DynamoDbTestSupport support;
    private static HttpClient http;

    @BeforeContainer
    static void start() {
        support = DynamoDbTestSupport.start();
        support.compositeTable("fuzz");
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterContainer
    static void stop() {
        support.close();
    }

    @Provide
    Arbitrary<JsonNode> json() {
        return json(4);
    }

    private Arbitrary<JsonNode> json(int depth) {
        Arbitrary<JsonNode> leaf = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(12).map(NODES::textNode),
                Arbitraries.of("S", "N", "B", "SS", "NULL", "M", "L", "1e999", "-0", "", "#a", ":v", "(", "SET",
                        "attribute_exists(", "a.b[99999999999]", "AGZ=", "\u0000").map(NODES::textNode),
                Arbitraries.longs().map(NODES::numberNode),
                Arbitraries.doubles().map(NODES::numberNode),
                Arbitraries.of(true, false).map(NODES::booleanNode),
                Arbitraries.just(NODES.nullNode()));
        if (depth == 0) {
            return leaf;
        }
        Arbitrary<JsonNode> inner = json(depth - 1);
        Arbitrary<JsonNode> array = inner.list().ofMaxSize(3).map(list -> {
            ArrayNode node = NODES.arrayNode();
            list.forEach(node::add);
            return node;
        });
        Arbitrary<JsonNode> object = Combinators.combine(Arbitraries.of("S", "N", "B", "BOOL", "NULL", "SS", "NS",
                "BS", "L", "M", "TableName", "Key", "Item", "x").list().ofMaxSize(3), inner.list().ofSize(3))
                .as((names, values) -> {
                    ObjectNode node = NODES.objectNode();
                    for (int i = 0; i < names.size(); i++) {
                        node.set(names.get(i), values.get(i));
                    }
                    return node;
                });
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, leaf), net.jqwik.api.Tuple.of(1, array),
                net.jqwik.api.Tuple.of(2, object));
    }

    @Property(tries = 600)
    void mangled_valid_requests_never_fail_the_server(@ForAll("templates") Map.Entry<String, String> template,
            @ForAll("operations") String otherOperation, @ForAll("sameOperation") boolean same,
            @ForAll("paths") List<Integer> path, @ForAll("json") JsonNode value, @ForAll boolean remove,
            @ForAll("sameOperation") boolean mangle) throws Exception {
        String operation = same ? template.getKey() : otherOperation;
        ObjectNode body = (ObjectNode) JSON.readTree(template.getValue().replace('\'', '"'));
        if (mangle) {
            mutate(body, path, value, remove);
        }
        assertAnswered(operation, JSON.writeValueAsBytes(body));
    }

    @Property(tries = 100)
    void arbitrary_documents_never_fail_the_server(@ForAll("operations") String operation,
            @ForAll("json") JsonNode body) throws Exception {
        assertAnswered(operation, JSON.writeValueAsBytes(body));
    }

    @Property(tries = 50)
    void arbitrary_bytes_never_fail_the_server(@ForAll("operations") String operation,
            @ForAll byte[] body) throws Exception {
        assertAnswered(operation, body);
    }

    @Provide
    Arbitrary<String> operations() {
        return Arbitraries.of(OPERATIONS);
    }

    @Provide
    Arbitrary<Map.Entry<String, String>> templates() {
        return Arbitraries.of(TEMPLATES);
    }

    @Provide
    Arbitrary<Boolean> sameOperation() {
        return Arbitraries.frequency(net.jqwik.api.Tuple.of(4, true), net.jqwik.api.Tuple.of(1, false));
    }

    @Provide
    Arbitrary<List<Integer>> paths() {
        return Arbitraries.integers().between(0, 20).list().ofMinSize(1).ofMaxSize(5);
    }

    /** Walks {@code path} (each step picks a child by index modulo the size) and replaces or removes the end. */
    private static void mutate(JsonNode node, List<Integer> path, JsonNode value, boolean remove) {
        JsonNode current = node;
        for (int i = 0; i < path.size(); i++) {
            if (current.size() == 0) {
                return;
            }
            int pick = path.get(i) % current.size();
            boolean last = i == path.size() - 1 || current.get(pick) == null || !current.get(pick).isContainerNode()
                    && current.isObject() && current.get(fieldName(current, pick)).size() == 0;
            if (current.isObject()) {
                String name = fieldName(current, pick);
                if (last || !current.get(name).isContainerNode()) {
                    if (remove) {
                        ((ObjectNode) current).remove(name);
                    } else {
                        ((ObjectNode) current).set(name, value);
                    }
                    return;
                }
                current = current.get(name);
            } else if (current.isArray()) {
                if (last || !current.get(pick).isContainerNode()) {
                    if (remove) {
                        ((ArrayNode) current).remove(pick);
                    } else {
                        ((ArrayNode) current).set(pick, value);
                    }
                    return;
                }
                current = current.get(pick);
            } else {
                return;
            }
        }
    }

    private static String fieldName(JsonNode object, int index) {
        Iterator<String> names = object.fieldNames();
        List<String> all = new ArrayList<>();
        names.forEachRemaining(all::add);
        return all.get(index);
    }

    private static void assertAnswered(String operation, byte[] body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(support.stack.endpoint() + "/"))
                .timeout(Duration.ofSeconds(10))
                .header("X-Amz-Target", "DynamoDB_20120810." + operation)
                .header("Content-Type", "application/x-amz-json-1.0")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as("%s %s -> %s", operation, new String(body, StandardCharsets.UTF_8),
                response.body()).isLessThan(500);
    }
}
