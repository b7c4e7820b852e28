package dev.simstack.core.dynamodb.partiql;

import static dev.simstack.core.dynamodb.partiql.PartiqlSelectTest.assertValidation;
import static dev.simstack.core.dynamodb.partiql.PartiqlSelectTest.n;
import static dev.simstack.core.dynamodb.partiql.PartiqlSelectTest.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchExecuteStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ExecuteTransactionResponse;
import software.amazon.awssdk.services.dynamodb.model.IdempotentParameterMismatchException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ParameterizedStatement;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** BatchExecuteStatement (each statement on its own) and ExecuteTransaction (all or nothing). */
class PartiqlBatchAndTransactionTest {

    private static Stack stack;
    private static DynamoDbClient dynamo;

    @BeforeAll
    static void start() {
        stack = Stack.start(StackConfig.defaults());
        dynamo = PartiqlSelectTest.client(stack);
        dynamo.createTable(b -> b.tableName("accounts").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH)));
    }

    @AfterAll
    static void stop() {
        dynamo.close();
        stack.close();
    }

    private static BatchStatementRequest batch(String statement) {
        return BatchStatementRequest.builder().statement(statement).build();
    }

    private static ParameterizedStatement tx(String statement, AttributeValue... parameters) {
        return ParameterizedStatement.builder().statement(statement)
                .parameters(parameters.length == 0 ? null : List.of(parameters)).build();
    }

    private static Map<String, AttributeValue> get(String id) {
        return dynamo.getItem(b -> b.tableName("accounts").key(Map.of("id", s(id)))).item();
    }

    @Test
    void a_batch_of_writes_answers_each_statement_with_its_own_error() {
        dynamo.putItem(b -> b.tableName("accounts").item(Map.of("id", s("b-taken"))));

        BatchExecuteStatementResponse response = dynamo.batchExecuteStatement(b -> b.statements(
                batch("INSERT INTO accounts VALUE {'id': 'b-new', 'balance': 5}"),
                batch("INSERT INTO accounts VALUE {'id': 'b-taken'}"),
                batch("UPDATE accounts SET balance = 1 WHERE id = 'b-missing'"),
                batch("SELECT * FROM accounts WHERE")));

        List<BatchStatementResponse> responses = response.responses();
        assertThat(responses.get(0).error()).isNull();
        assertThat(responses.get(0).tableName()).isEqualTo("accounts");
        assertThat(responses.get(1).error().codeAsString()).isEqualTo("DuplicateItem");
        assertThat(responses.get(1).error().message()).isEqualTo("Duplicate primary key exists in table");
        assertThat(responses.get(2).error().codeAsString()).isEqualTo("ConditionalCheckFailed");
        assertThat(responses.get(3).error().codeAsString()).isEqualTo("ValidationError");
        assertThat(responses.get(3).error().message())
                .isEqualTo("Statement wasn't well formed, can't be processed: Unexpected term");
        assertThat(get("b-new")).containsEntry("balance", n(5));
    }

    @Test
    void a_batch_of_reads_answers_each_item_by_its_full_key() {
        dynamo.putItem(b -> b.tableName("accounts").item(Map.of("id", s("r1"), "balance", n(1))));

        BatchExecuteStatementResponse response = dynamo.batchExecuteStatement(b -> b.statements(
                batch("SELECT balance FROM accounts WHERE id = 'r1'"),
                batch("SELECT * FROM accounts WHERE id = 'r-none'"),
                batch("SELECT * FROM accounts WHERE balance = 1")));

        assertThat(response.responses().get(0).item()).isEqualTo(Map.of("balance", n(1)));
        assertThat(response.responses().get(1).hasItem()).isFalse();
        assertThat(response.responses().get(1).error()).isNull();
        assertThat(response.responses().get(2).error().message())
                .isEqualTo("Where clause does not contain a mandatory equality on all key attributes");
    }

    @Test
    void a_batch_mixing_reads_and_writes_or_over_25_statements_is_refused() {
        assertValidation(() -> dynamo.batchExecuteStatement(b -> b.statements(
                batch("SELECT * FROM accounts WHERE id = 'a'"), batch("DELETE FROM accounts WHERE id = 'a'"))),
                "BatchExecuteStatement API does not support both read and write operations in the same request.");
        List<BatchStatementRequest> many = new ArrayList<>();
        for (int i = 0; i < 26; i++) {
            many.add(batch("DELETE FROM accounts WHERE id = 'x" + i + "'"));
        }
        assertValidation(() -> dynamo.batchExecuteStatement(b -> b.statements(many)), "1 validation error detected: "
                + "Value at 'statements' failed to satisfy constraint: Member must have length less than or equal to 25");
    }

    @Test
    void a_transaction_of_writes_applies_every_statement_and_answers_no_responses() {
        dynamo.putItem(b -> b.tableName("accounts").item(Map.of("id", s("t-a"), "balance", n(100))));

        ExecuteTransactionResponse response = dynamo.executeTransaction(b -> b.transactStatements(
                tx("UPDATE accounts SET balance = balance - ? WHERE id = 't-a' AND balance >= ?", n(30), n(30)),
                tx("INSERT INTO accounts VALUE {'id': 't-b', 'balance': 30}")));

        assertThat(response.responses()).isEmpty();
        assertThat(get("t-a")).containsEntry("balance", n(70));
        assertThat(get("t-b")).containsEntry("balance", n(30));
    }

    @Test
    void a_failed_statement_cancels_the_whole_transaction_with_a_reason_per_statement() {
        dynamo.putItem(b -> b.tableName("accounts").item(Map.of("id", s("c-a"), "balance", n(10))));
        dynamo.putItem(b -> b.tableName("accounts").item(Map.of("id", s("c-dup"))));

        assertThatThrownBy(() -> dynamo.executeTransaction(b -> b.transactStatements(
                tx("UPDATE accounts SET balance = 0 WHERE id = 'c-a'"),
                tx("INSERT INTO accounts VALUE {'id': 'c-dup'}"),
                tx("UPDATE accounts SET balance = 1 WHERE id = 'c-missing'"))))
                .isInstanceOfSatisfying(TransactionCanceledException.class, e -> {
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Transaction cancelled, please refer "
                            + "cancellation reasons for specific reasons [None, DuplicateItem, ConditionalCheckFailed]");
                    assertThat(e.cancellationReasons()).extracting(CancellationReason::code)
                            .containsExactly("None", "DuplicateItem", "ConditionalCheckFailed");
                });
        assertThat(get("c-a")).containsEntry("balance", n(10));
    }

    @Test
    void a_transaction_of_reads_answers_one_response_per_statement() {
        dynamo.putItem(b -> b.tableName("accounts").item(Map.of("id", s("g-a"), "balance", n(3))));

        ExecuteTransactionResponse response = dynamo.executeTransaction(b -> b.transactStatements(
                tx("SELECT * FROM accounts WHERE id = ?", s("g-a")), tx("SELECT * FROM accounts WHERE id = 'g-none'")));

        assertThat(response.responses()).hasSize(2);
        assertThat(response.responses().get(0).item()).containsEntry("balance", n(3));
        assertThat(response.responses().get(1).hasItem()).isFalse();
    }

    @Test
    void a_transaction_refuses_mixed_statements_reads_without_the_key_and_malformed_statements() {
        assertValidation(() -> dynamo.executeTransaction(b -> b.transactStatements(
                tx("SELECT * FROM accounts WHERE id = 'a'"), tx("DELETE FROM accounts WHERE id = 'a'"))),
                "ExecuteTransaction API does not support both read and write operations in the same request.");
        assertValidation(() -> dynamo.executeTransaction(b -> b.transactStatements(
                tx("SELECT * FROM accounts WHERE balance = 1"))),
                "Select statements within ExecuteTransaction must specify the primary key in the where clause.");
        assertValidation(() -> dynamo.executeTransaction(b -> b.transactStatements(
                tx("SELECT * FROM accounts WHERE"))),
                "Validation failed in TransactStatements[0]: Statement wasn't well formed, can't be processed: "
                        + "Unexpected term");
    }

    @Test
    void a_client_request_token_runs_the_transaction_once() {
        dynamo.putItem(b -> b.tableName("accounts").item(Map.of("id", s("i-a"), "balance", n(0))));
        ParameterizedStatement add = tx("UPDATE accounts SET balance = balance + 1 WHERE id = 'i-a'");

        dynamo.executeTransaction(b -> b.transactStatements(add).clientRequestToken("token-1"));
        dynamo.executeTransaction(b -> b.transactStatements(add).clientRequestToken("token-1"));

        assertThat(get("i-a")).containsEntry("balance", n(1));
        assertThatThrownBy(() -> dynamo.executeTransaction(b -> b.transactStatements(
                tx("DELETE FROM accounts WHERE id = 'i-a'")).clientRequestToken("token-1")))
                .isInstanceOf(IdempotentParameterMismatchException.class);
    }
}
