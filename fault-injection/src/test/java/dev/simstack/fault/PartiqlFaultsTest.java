package dev.simstack.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.simstack.core.AwsService;
import dev.simstack.core.ClockSpec;
import dev.simstack.core.LedgerEntry;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import dev.simstack.core.TableSpec;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ParameterizedStatement;

/**
 * PartiQL calls name their table in the statement, not in {@code TableName}: a rule on a table's name applies
 * to the statements that address that table alone, and to no other table's.
 */
class PartiqlFaultsTest {

    private Stack stack;
    private DynamoDbClient dynamodb;

    @BeforeEach
    void start() {
        FaultPlan plan = FaultPlan.of(
                FaultRule.throttle(AwsService.DYNAMODB, "ExecuteStatement").withResource("orders"),
                FaultRule.throttle(AwsService.DYNAMODB, "BatchExecuteStatement").withResource("orders"),
                FaultRule.throttle(AwsService.DYNAMODB, "ExecuteTransaction").withResource("orders"));
        stack = StackConfig.defaults().withClock(ClockSpec.manual())
                .withTable(TableSpec.named("orders").withPartitionKey("id"))
                .withTable(TableSpec.named("audit").withPartitionKey("id"))
                .withInterceptor(new FaultInjector(plan)).start();
        dynamodb = DynamoDbClient.builder().endpointOverride(stack.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("k", "s")))
                .overrideConfiguration(o -> o.retryStrategy(r -> r.maxAttempts(1)))
                .httpClientBuilder(ApacheHttpClient.builder()).build();
    }

    @AfterEach
    void stop() {
        dynamodb.close();
        stack.close();
    }

    private List<String> faulted() {
        return stack.ledger().entries(LedgerEntry.Request.class).stream().filter(r -> r.fault() != null)
                .map(r -> r.operation() + " " + r.resource().name()).toList();
    }

    @Test
    void a_rule_on_a_table_throttles_execute_statement_on_that_table_only() {
        assertThatThrownBy(() -> dynamodb.executeStatement(b -> b.statement(
                "INSERT INTO \"orders\" VALUE {'id': 'o-1'}")))
                .isInstanceOfSatisfying(DynamoDbException.class,
                        e -> assertThat(e.statusCode()).isEqualTo(400));
        assertThatThrownBy(() -> dynamodb.executeStatement(b -> b.statement("SELECT * FROM orders WHERE id = ?")
                .parameters(p -> p.s("o-1"))))
                .isInstanceOf(DynamoDbException.class);

        dynamodb.executeStatement(b -> b.statement("INSERT INTO audit VALUE {'id': 'a-1'}"));

        assertThat(faulted()).containsExactly("ExecuteStatement orders", "ExecuteStatement orders");
        assertThat(dynamodb.scan(b -> b.tableName("orders")).count()).isZero();
        assertThat(dynamodb.scan(b -> b.tableName("audit")).count()).isOne();
    }

    @Test
    void batches_and_transactions_of_statements_on_one_table_are_throttled_by_its_rule() {
        assertThatThrownBy(() -> dynamodb.batchExecuteStatement(b -> b.statements(
                BatchStatementRequest.builder().statement("UPDATE orders SET paid = true WHERE id = 'o-1'").build(),
                BatchStatementRequest.builder().statement("DELETE FROM \"orders\" WHERE id = 'o-2'").build())))
                .isInstanceOf(DynamoDbException.class);
        assertThatThrownBy(() -> dynamodb.executeTransaction(b -> b.transactStatements(
                ParameterizedStatement.builder().statement("INSERT INTO orders VALUE {'id': 'o-3'}").build())))
                .isInstanceOf(DynamoDbException.class);
        // statements on two tables address no single table, as a TransactWriteItems on two tables does
        dynamodb.executeTransaction(b -> b.transactStatements(
                ParameterizedStatement.builder().statement("INSERT INTO orders VALUE {'id': 'o-4'}").build(),
                ParameterizedStatement.builder().statement("INSERT INTO audit VALUE {'id': 'a-4'}").build()));

        assertThat(faulted()).containsExactly("BatchExecuteStatement orders", "ExecuteTransaction orders");
    }
}
