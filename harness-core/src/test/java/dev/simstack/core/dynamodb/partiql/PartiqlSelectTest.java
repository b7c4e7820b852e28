package dev.simstack.core.dynamodb.partiql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ExecuteStatementRequest;
import software.amazon.awssdk.services.dynamodb.model.ExecuteStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** PartiQL SELECT through ExecuteStatement: key reads, queries, scans, filters, paths, pages and errors. */
class PartiqlSelectTest {

    private static Stack stack;
    static DynamoDbClient dynamo;

    @BeforeAll
    static void start() {
        stack = Stack.start(StackConfig.defaults());
        dynamo = client(stack);
        dynamo.createTable(b -> b.tableName("orders").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("sk").attributeType(ScalarAttributeType.N),
                        a -> a.attributeName("status").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH),
                        k -> k.attributeName("sk").keyType(KeyType.RANGE))
                .globalSecondaryIndexes(g -> g.indexName("byStatus").keySchema(
                        k -> k.attributeName("status").keyType(KeyType.HASH))
                        .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY))));
        for (int sk = 1; sk <= 5; sk++) {
            int number = sk;
            dynamo.putItem(b -> b.tableName("orders").item(Map.of("pk", s("c1"), "sk", n(number),
                    "status", s(number % 2 == 0 ? "OPEN" : "SHIPPED"), "tags", AttributeValue.fromSs(List.of("t"
                            + number)), "info", AttributeValue.fromM(Map.of("lines", AttributeValue.fromL(List.of(
                            s("line" + number))))))));
        }
        dynamo.putItem(b -> b.tableName("orders").item(Map.of("pk", s("c2"), "sk", n(1), "note", s("alpha"))));
    }

    @AfterAll
    static void stop() {
        dynamo.close();
        stack.close();
    }

    static DynamoDbClient client(Stack stack) {
        return DynamoDbClient.builder().endpointOverride(stack.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build();
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    private static ExecuteStatementResponse run(String statement, AttributeValue... parameters) {
        return dynamo.executeStatement(b -> b.statement(statement)
                .parameters(parameters.length == 0 ? null : List.of(parameters)));
    }

    private static List<String> sortKeys(ExecuteStatementResponse response) {
        return response.items().stream().map(item -> item.get("sk").n()).toList();
    }

    static void assertValidation(Runnable call, String message) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(DynamoDbException.class, e -> {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
        });
    }

    @Test
    void select_by_full_key_with_a_parameter_answers_the_one_item() {
        ExecuteStatementResponse response = run("SELECT * FROM \"orders\" WHERE pk = ? AND sk = 2", s("c1"));

        assertThat(response.items()).hasSize(1);
        assertThat(response.items().get(0).get("status")).isEqualTo(s("OPEN"));
        assertThat(response.nextToken()).isNull();
    }

    @Test
    void a_pinned_partition_key_reads_the_sort_key_range_in_order_and_order_by_desc_reverses_it() {
        assertThat(sortKeys(run("SELECT * FROM orders WHERE pk = 'c1' AND sk BETWEEN 2 AND 4")))
                .containsExactly("2", "3", "4");
        assertThat(sortKeys(run("SELECT * FROM orders WHERE pk = 'c1' AND sk > 3 ORDER BY sk DESC")))
                .containsExactly("5", "4");
    }

    @Test
    void where_filters_with_or_not_in_functions_and_nested_paths() {
        assertThat(sortKeys(run("SELECT * FROM orders WHERE pk = 'c1' AND (sk = 1 OR sk IN [4, 5]) "
                + "AND NOT status = 'OPEN'"))).containsExactly("1", "5");
        assertThat(sortKeys(run("SELECT * FROM orders WHERE begins_with(status, 'SHIP') AND contains(tags, 't3')")))
                .containsExactly("3");
        assertThat(sortKeys(run("SELECT * FROM orders WHERE info.lines[0] = 'line2'"))).containsExactly("2");
        assertThat(sortKeys(run("SELECT * FROM orders WHERE attribute_type(tags, 'SS') AND size(tags) = 1 "
                + "AND sk >= 5"))).containsExactly("5");
        assertThat(run("SELECT * FROM orders WHERE status IS MISSING").items()).singleElement()
                .satisfies(item -> assertThat(item.get("note")).isEqualTo(s("alpha")));
        assertThat(run("SELECT * FROM orders WHERE note IS NOT MISSING AND pk <> 'c1'").items()).hasSize(1);
    }

    @Test
    void a_projection_returns_only_the_paths_named() {
        ExecuteStatementResponse response = run("SELECT sk, \"status\", info.lines[0] FROM orders WHERE pk = 'c1' "
                + "AND sk = 3");

        assertThat(response.items()).containsExactly(Map.of("sk", n(3), "status", s("SHIPPED"), "info",
                AttributeValue.fromM(Map.of("lines", AttributeValue.fromL(List.of(s("line3")))))));
    }

    @Test
    void an_index_read_sees_what_the_index_projects() {
        ExecuteStatementResponse response = run("SELECT * FROM \"orders\".\"byStatus\" WHERE status = 'OPEN'");

        assertThat(response.items()).hasSize(2).allSatisfy(item -> assertThat(item.keySet())
                .containsExactlyInAnyOrder("pk", "sk", "status"));
    }

    @Test
    void limit_bounds_the_items_read_and_next_token_continues_after_them() {
        List<String> seen = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            String next = token;
            ExecuteStatementResponse page = dynamo.executeStatement(b -> b.statement("SELECT * FROM orders WHERE "
                    + "pk = 'c1'").limit(2).nextToken(next));
            seen.addAll(sortKeys(page));
            token = page.nextToken();
            pages++;
        } while (token != null);

        assertThat(seen).containsExactly("1", "2", "3", "4", "5");
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void a_next_token_of_another_statement_is_refused() {
        String token = dynamo.executeStatement(b -> b.statement("SELECT * FROM orders").limit(1)).nextToken();

        assertValidation(() -> dynamo.executeStatement(b -> b.statement("SELECT * FROM orders WHERE pk = 'c1'")
                .nextToken(token)), "NextToken does not match request");
    }

    @Test
    void consumed_capacity_is_reported_for_the_table_read() {
        ExecuteStatementResponse response = dynamo.executeStatement(b -> b.statement("SELECT * FROM orders WHERE "
                + "pk = 'c2'").returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).consistentRead(true));

        assertThat(response.consumedCapacity().tableName()).isEqualTo("orders");
        assertThat(response.consumedCapacity().capacityUnits()).isEqualTo(1.0);
    }

    @Test
    void malformed_statements_answer_aws_parse_errors() {
        String envelope = "Statement wasn't well formed, can't be processed: ";
        assertValidation(() -> run("SELECT * FROM orders WHERE"), envelope + "Unexpected term");
        assertValidation(() -> run("SELECT * FROM orders WHERE pk = 'c1' AND"),
                envelope + "Missing right-hand side expression of infix operator");
        assertValidation(() -> run("SELECT * FROM orders WHERE pk = 'c1' foo"),
                envelope + "Unexpected token after expression");
        assertValidation(() -> run("SELECT * FROM orders WHERE ORDER BY pk"), envelope + "Unexpected keyword");
        assertValidation(() -> run("SELECT * FROM orders o WHERE pk = 'x'"), "Aliasing is not supported");
        assertValidation(() -> run("SELECT * FROM orders WHERE pk = 1e126"), "Number overflow. Attempting to "
                + "store a number with magnitude larger than supported range under root");
    }

    @Test
    void too_few_parameters_are_refused() {
        assertValidation(() -> run("SELECT * FROM orders WHERE pk = ? AND sk = ?", s("c1")),
                "Number of parameters in request and statement don't match.");
    }

    @Test
    void order_by_needs_a_key_attribute_and_a_pinned_partition_key() {
        assertValidation(() -> run("SELECT * FROM orders ORDER BY sk"),
                "Must have WHERE clause in the statement when using ORDER BY clause.");
        assertValidation(() -> run("SELECT * FROM orders WHERE pk = 'c1' ORDER BY status"),
                "Variable reference status in ORDER BY clause must be part of the primary key");
        assertValidation(() -> run("SELECT * FROM orders WHERE sk = 1 ORDER BY sk"), "Must have at least one "
                + "non-optional hash key condition in WHERE clause when using ORDER BY clause.");
    }

    @Test
    void an_unknown_table_is_resource_not_found_and_a_consistent_index_read_is_refused() {
        assertThatThrownBy(() -> run("SELECT * FROM nothing WHERE pk = 'a'"))
                .isInstanceOfSatisfying(DynamoDbException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ResourceNotFoundException");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Requested resource not found");
                });
        Consumer<ExecuteStatementRequest.Builder> consistent = b -> b.statement("SELECT * FROM orders.byStatus")
                .consistentRead(true);
        assertValidation(() -> dynamo.executeStatement(consistent),
                "Strongly consistent read is not supported on Global Secondary Indexes");
    }
}
