package dev.simstack.core.internal.services.s3.select;

import dev.simstack.core.internal.protocol.restxml.RestXmlError;
import dev.simstack.core.internal.protocol.restxml.XmlReader;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * One SelectObjectContent request, checked before the object is read, and its answer: the matching records as
 * Records events, then Progress (when asked for), Stats and End, in the AWS event stream encoding. The whole
 * answer is computed before it is sent, so an error in a record answers an ordinary error document rather than
 * an error event mid-stream (S3 may send either; the SDKs surface both as exceptions).
 */
public final class S3Select {

    /** S3 sends the records in messages of bounded size; this is the engine's bound. */
    private static final int RECORDS_PER_MESSAGE = 64 * 1024;

    private final SelectStatement statement;
    private final SelectInput input;
    private final SelectOutput output;
    private final boolean progress;

    private S3Select(SelectStatement statement, SelectInput input, SelectOutput output, boolean progress) {
        this.statement = statement;
        this.input = input;
        this.output = output;
        this.progress = progress;
    }

    /** Reads and checks a {@code SelectObjectContentRequest} document. */
    public static S3Select parse(byte[] body) {
        XmlReader request = XmlReader.parse(body, "SelectObjectContentRequest");
        String type = request.text("ExpressionType");
        if (!"SQL".equals(type)) {
            throw SelectErrors.of("InvalidExpressionType", "The ExpressionType is invalid. Only SQL expressions are"
                    + " supported.");
        }
        String expression = request.text("Expression");
        if (expression == null || expression.isBlank()) {
            throw SelectErrors.of("MissingRequiredParameter", "The Expression is missing.");
        }
        if (request.child("ScanRange") != null) {
            throw new RestXmlError("NotImplemented", 501, "SimStack's S3 Select does not serve ScanRange; select"
                    + " from the whole object.");
        }
        SelectInput input = SelectInput.parse(request.child("InputSerialization"));
        SelectOutput output = SelectOutput.parse(request.child("OutputSerialization"));
        XmlReader progress = request.child("RequestProgress");
        return new S3Select(SelectStatement.parse(expression), input, output,
                progress != null && "true".equalsIgnoreCase(progress.text("Enabled")));
    }

    /** The event stream answering this request over an object of {@code size} stored bytes. */
    public byte[] answer(InputStream stored, long size) {
        byte[] data = input.decompress(stored);
        StringBuilder records = new StringBuilder();
        Scan scan = new Scan(records);
        input.read(data, scan::record, value -> statement.expand(value, v -> scan.record(new SelectRecord.Json(v))));
        if (statement.aggregating()) {
            scan.answer(scan.accumulators.result());
        }
        byte[] returned = records.toString().getBytes(StandardCharsets.UTF_8);
        EventStreamFrames frames = new EventStreamFrames();
        for (int from = 0; from < returned.length; from += RECORDS_PER_MESSAGE) {
            int to = Math.min(returned.length, from + RECORDS_PER_MESSAGE);
            frames.event("Records", "application/octet-stream", java.util.Arrays.copyOfRange(returned, from, to));
        }
        String figures = "<BytesScanned>" + size + "</BytesScanned><BytesProcessed>" + data.length
                + "</BytesProcessed><BytesReturned>" + returned.length + "</BytesReturned>";
        if (progress) {
            frames.event("Progress", "text/xml", xml("Progress", figures));
        }
        frames.event("Stats", "text/xml", xml("Stats", figures));
        return frames.event("End", null, new byte[0]).bytes();
    }

    private static byte[] xml(String root, String figures) {
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><" + root + " xmlns=\"\">" + figures + "</" + root + ">")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The records kept so far, and the LIMIT's count. */
    private final class Scan {

        private final StringBuilder records;
        private final SelectStatement.Accumulators accumulators;
        private int answered;

        Scan(StringBuilder records) {
            this.records = records;
            this.accumulators = statement.aggregating() ? statement.new Accumulators() : null;
        }

        void record(SelectRecord record) {
            if (statement.limit() != null && answered >= statement.limit() && accumulators == null) {
                return;
            }
            if (!statement.keeps(record)) {
                return;
            }
            if (accumulators != null) {
                accumulators.add(record);
            } else {
                answer(record);
            }
        }

        void answer(SelectRecord record) {
            if (statement.limit() == null || answered < statement.limit()) {
                answered++;
                records.append(output.write(statement.answer(record)));
            }
        }
    }
}
