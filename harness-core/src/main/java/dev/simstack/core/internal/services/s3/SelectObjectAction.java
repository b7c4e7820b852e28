package dev.simstack.core.internal.services.s3;

import dev.simstack.core.internal.engine.OperationTable;
import dev.simstack.core.internal.protocol.StreamedAnswerBody;
import dev.simstack.core.internal.protocol.restxml.RestOutput;
import dev.simstack.core.internal.services.s3.select.S3Select;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * SelectObjectContent ({@code POST /key?select&select-type=2}): an SQL query over one CSV or JSON object,
 * answered as an event stream (the query language and the stream are in the {@code select} package). The
 * request is checked before the object is read, as S3 answers a bad query whatever the object holds.
 */
final class SelectObjectAction {

    private final S3Context s3;

    SelectObjectAction(S3Context s3) {
        this.s3 = s3;
    }

    void register(OperationTable<S3Operation> operations) {
        operations.put("SelectObjectContent", this::select);
    }

    private RestOutput select(S3Call call) {
        if (!"2".equals(call.query("select-type"))) {
            throw S3Errors.invalidArgument("Invalid select-type; only 2 is supported", "select-type",
                    call.query("select-type"));
        }
        S3Select select = S3Select.parse(call.payload().readAll());
        Bucket bucket = s3.store().bucket(call.bucket());
        byte[] events;
        synchronized (bucket) {
            ObjectVersion version = VersionLookup.find(bucket, call.key(), null);
            ObjectVersion.StoredContent content = version.content();
            CustomerKeys.checkRead(content.headers(), call, "");
            GetObjectAction.checkReadable(content);
            try (InputStream stored = content.blob().open()) {
                events = select.answer(stored, version.size());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return RestOutput.ok().header("Content-Type", "application/vnd.amazon.eventstream")
                .body(StreamedAnswerBody.inMemory(events, 0, events.length));
    }
}
