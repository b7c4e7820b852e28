package dev.simstack.core.internal.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.simstack.core.AwsService;
import dev.simstack.core.LedgerEntry;
import dev.simstack.core.ResourceRef;
import dev.simstack.core.internal.clock.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Entries keep one instance of each repeated name, not the copy each request parsed from its headers:
 * what keeps a long run's ledger small. Ids and keys stay as given.
 */
class SharedNamesTest {

    private final AppendOnlyLedger ledger = new AppendOnlyLedger(new ManualClock(Instant.EPOCH, Runnable::run));

    /** A fresh String equal to {@code text}, as a request's parser would make. */
    private static String copy(String text) {
        return new String(text.toCharArray());
    }

    @Test
    void request_entries_share_operation_region_resource_and_error_code() {
        for (int i = 0; i < 2; i++) {
            ledger.request(AwsService.SQS, copy("SendMessage"), copy("us-east-1"),
                    ResourceRef.queue(copy("us-east-1"), copy("000000000000"), copy("orders")), copy("json"), 400,
                    copy("QueueDoesNotExist"), null, Duration.ZERO);
        }
        List<LedgerEntry.Request> requests = ledger.entries(LedgerEntry.Request.class);
        LedgerEntry.Request first = requests.get(0);
        LedgerEntry.Request second = requests.get(1);
        assertThat(second.service()).isEqualTo(AwsService.SQS);
        assertThat(second.operation()).isSameAs(first.operation()).isEqualTo("SendMessage");
        assertThat(second.region()).isSameAs(first.region());
        assertThat(second.resource()).isSameAs(first.resource())
                .isEqualTo(ResourceRef.queue("us-east-1", "000000000000", "orders"));
        assertThat(second.errorCode()).isSameAs(first.errorCode());
        assertThat(second.fault()).isNull();
    }

    @Test
    void message_and_item_entries_share_resources_and_names_but_not_ids_or_keys() {
        ledger.message(LedgerEntry.MessageEvent.SENT, queue(), copy("id-1"), 0, null);
        ledger.message(LedgerEntry.MessageEvent.SENT, queue(), copy("id-1"), 0, null);
        List<LedgerEntry.Message> messages = ledger.entries(LedgerEntry.Message.class);
        assertThat(messages.get(1).queue()).isSameAs(messages.get(0).queue());
        assertThat(messages.get(1).messageId()).isNotSameAs(messages.get(0).messageId());
        ledger.message(LedgerEntry.MessageEvent.SENT, queue(), copy("id-2"), 0, null, copy("group-1"));
        ledger.message(LedgerEntry.MessageEvent.SENT, queue(), copy("id-3"), 0, null, copy("group-1"));
        messages = ledger.entries(LedgerEntry.Message.class);
        assertThat(messages.get(3).messageGroupId()).isSameAs(messages.get(2).messageGroupId()).isEqualTo("group-1");
        assertThat(messages.get(0).messageGroupId()).isNull();

        ledger.itemWrite(table(), copy("{\"id\":\"1\"}"), copy("PutItem"), null);
        ledger.itemWrite(table(), copy("{\"id\":\"1\"}"), copy("PutItem"), null);
        List<LedgerEntry.ItemWrite> writes = ledger.entries(LedgerEntry.ItemWrite.class);
        assertThat(writes.get(1).table()).isSameAs(writes.get(0).table());
        assertThat(writes.get(1).operation()).isSameAs(writes.get(0).operation());
        assertThat(writes.get(1).key()).isNotSameAs(writes.get(0).key());
    }

    @Test
    void object_write_entries_share_the_bucket_and_operation_but_not_keys() {
        for (int i = 0; i < 2; i++) {
            ledger.objectWrite(ResourceRef.bucket(copy("us-east-1"), copy("000000000000"), copy("receipts")),
                    copy("r/1.json"), null, LedgerEntry.ObjectWriteKind.PUT, copy("PutObject"),
                    LedgerEntry.WriteOutcome.APPLIED);
        }
        List<LedgerEntry.ObjectWrite> writes = ledger.entries(LedgerEntry.ObjectWrite.class);
        assertThat(writes.get(1).bucket()).isSameAs(writes.get(0).bucket());
        assertThat(writes.get(1).operation()).isSameAs(writes.get(0).operation());
        assertThat(writes.get(1).key()).isNotSameAs(writes.get(0).key());
    }

    @Test
    void http_call_entries_share_the_dependency_method_and_fault_but_not_paths_or_keys() {
        for (int i = 0; i < 2; i++) {
            ledger.recordHttpCall(copy("payments"), copy("POST"), copy("/charges"), copy("o-1"), 503,
                    copy("server error 503"));
        }
        List<LedgerEntry.HttpCall> calls = ledger.entries(LedgerEntry.HttpCall.class);
        assertThat(calls.get(1).dependency()).isSameAs(calls.get(0).dependency()).isEqualTo("payments");
        assertThat(calls.get(1).method()).isSameAs(calls.get(0).method());
        assertThat(calls.get(1).fault()).isSameAs(calls.get(0).fault());
        assertThat(calls.get(1).path()).isNotSameAs(calls.get(0).path());
        assertThat(calls.get(1).businessKey()).isNotSameAs(calls.get(0).businessKey());
    }

    /** A fresh reference to queue {@code orders}, as a service would build per request. */
    private static ResourceRef queue() {
        return ResourceRef.queue(copy("us-east-1"), copy("000000000000"), copy("orders"));
    }

    private static ResourceRef table() {
        return ResourceRef.table(copy("us-east-1"), copy("000000000000"), copy("orders"));
    }
}
