package dev.simstack.core.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.simstack.core.Stack;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompressionType;
import software.amazon.awssdk.services.s3.model.ExpressionType;
import software.amazon.awssdk.services.s3.model.FileHeaderInfo;
import software.amazon.awssdk.services.s3.model.InputSerialization;
import software.amazon.awssdk.services.s3.model.JSONType;
import software.amazon.awssdk.services.s3.model.OutputSerialization;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.SelectObjectContentRequest;
import software.amazon.awssdk.services.s3.model.SelectObjectContentResponseHandler;
import software.amazon.awssdk.services.s3.model.Stats;

/** SelectObjectContent through the SDK's async client, which reads the event stream's frames and CRCs. */
class SelectObjectContentTest {

    private static final String PEOPLE = "name,city,age\nAda,London,36\nGrace,New York,85\n\"Lin, Jr.\",Paris,\n"
            + "Alan,London,41\n";
    private static final String ORDERS = "{\"id\":1,\"total\":12.5,\"customer\":{\"name\":\"ada\",\"tier\":\"gold\"},"
            + "\"items\":[{\"sku\":\"a\"},{\"sku\":\"b\"}]}\n{\"id\":2,\"total\":7,\"customer\":{\"name\":\"bob\"},"
            + "\"items\":[]}\n{\"id\":3,\"total\":30,\"customer\":{\"name\":\"cy\",\"tier\":\"gold\"}}\n";

    private Stack stack;
    private S3Client s3;
    private S3AsyncClient async;

    @BeforeEach
    void start() {
        stack = S3TestSupport.stack();
        s3 = S3TestSupport.client(stack);
        async = S3TestSupport.asyncClient(stack);
        s3.createBucket(b -> b.bucket("data"));
        put("people.csv", PEOPLE.getBytes(StandardCharsets.UTF_8));
        put("orders.json", ORDERS.getBytes(StandardCharsets.UTF_8));
    }

    @AfterEach
    void stop() {
        async.close();
        s3.close();
        stack.close();
    }

    @Test
    void a_csv_query_with_header_names_answers_the_matching_records_as_csv() {
        Selected selected = select("people.csv", "SELECT s.name, s.age FROM S3Object s WHERE s.city = 'London'",
                csvWithHeaders(), csvOut());
        assertThat(selected.records()).isEqualTo("Ada,36\nAlan,41\n");
        assertThat(selected.events()).containsExactly("Records", "Stats", "End");
    }

    @Test
    void positional_columns_read_every_line_when_there_is_no_header_and_casts_compare_numbers() {
        Selected selected = select("people.csv", "SELECT _1 FROM S3Object WHERE _3 <> '' AND CAST(_3 AS INT) > 40",
                in -> in.csv(c -> c.fileHeaderInfo(FileHeaderInfo.IGNORE)), csvOut());
        assertThat(selected.records()).isEqualTo("Grace\nAlan\n");
    }

    @Test
    void quoted_fields_keep_their_delimiters_and_are_quoted_again_on_output() {
        Selected selected = select("people.csv", "SELECT * FROM S3Object s WHERE s.name LIKE 'L%'",
                csvWithHeaders(), csvOut());
        assertThat(selected.records()).isEqualTo("\"Lin, Jr.\",Paris,\n");
    }

    @Test
    void where_combines_and_or_not_between_in_and_is_null() {
        assertThat(select("people.csv", "SELECT s.name FROM S3Object s WHERE s.age BETWEEN 30 AND 50 AND NOT"
                + " s.name IN ('Alan')", csvWithHeaders(), csvOut()).records()).isEqualTo("Ada\n");
        assertThat(select("people.csv", "SELECT s.name FROM S3Object s WHERE s.age = '' OR s.city LIKE '%York'",
                csvWithHeaders(), csvOut()).records()).isEqualTo("Grace\nLin, Jr.\n".replace("Lin, Jr.",
                        "\"Lin, Jr.\""));
    }

    @Test
    void aggregates_answer_one_record_over_the_kept_records() {
        Selected selected = select("people.csv", "SELECT COUNT(*), SUM(CAST(s.age AS INT)), MIN(s.name), MAX(s.age)"
                + " FROM S3Object s WHERE s.city = 'London'", csvWithHeaders(), csvOut());
        assertThat(selected.records()).isEqualTo("2,77,Ada,41\n");
        assertThat(select("orders.json", "SELECT AVG(s.total) AS mean FROM S3Object s", jsonLines(), jsonOut())
                .records()).isEqualTo("{\"mean\":16.5}\n");
    }

    @Test
    void limit_stops_after_that_many_records() {
        assertThat(select("people.csv", "SELECT s.name FROM S3Object s LIMIT 2", csvWithHeaders(), csvOut())
                .records()).isEqualTo("Ada\nGrace\n");
    }

    @Test
    void json_lines_answer_nested_paths_named_by_their_last_step_and_leave_missing_values_out() {
        Selected selected = select("orders.json", "SELECT s.id, s.customer.tier FROM S3Object s WHERE s.total >= 10",
                jsonLines(), jsonOut());
        assertThat(selected.records()).isEqualTo("{\"id\":1,\"tier\":\"gold\"}\n{\"id\":3,\"tier\":\"gold\"}\n");
        assertThat(select("orders.json", "SELECT s.id FROM S3Object s WHERE s.customer.tier IS MISSING",
                jsonLines(), jsonOut()).records()).isEqualTo("{\"id\":2}\n");
        assertThat(select("orders.json", "SELECT s.items[*].sku AS skus FROM S3Object s WHERE s.id = 1",
                jsonLines(), jsonOut()).records()).isEqualTo("{\"skus\":[\"a\",\"b\"]}\n");
    }

    @Test
    void a_json_document_is_read_below_a_from_path_and_written_whole_by_select_star() {
        put("doc.json", "{\"rules\":[{\"id\":\"a\",\"on\":true},{\"id\":\"b\",\"on\":false}]}"
                .getBytes(StandardCharsets.UTF_8));
        Selected selected = select("doc.json", "SELECT * FROM S3Object[*].rules[*] r WHERE r.\"on\" = true",
                in -> in.json(j -> j.type(JSONType.DOCUMENT)), jsonOut());
        assertThat(selected.records()).isEqualTo("{\"id\":\"a\",\"on\":true}\n");
    }

    @Test
    void gzip_and_bzip2_objects_are_decompressed_and_stats_count_both_sizes() throws IOException {
        byte[] gzip = gzip(PEOPLE.getBytes(StandardCharsets.UTF_8));
        put("people.csv.gz", gzip);
        put("people.csv.bz2", bzip2(PEOPLE.getBytes(StandardCharsets.UTF_8)));
        Selected fromGzip = select("people.csv.gz", "SELECT COUNT(*) FROM S3Object", in -> in.compressionType(
                CompressionType.GZIP).csv(c -> c.fileHeaderInfo(FileHeaderInfo.USE)), csvOut());
        assertThat(fromGzip.records()).isEqualTo("4\n");
        assertThat(fromGzip.stats().bytesScanned()).isEqualTo(gzip.length);
        assertThat(fromGzip.stats().bytesProcessed()).isEqualTo(PEOPLE.length());
        assertThat(fromGzip.stats().bytesReturned()).isEqualTo(2);
        assertThat(select("people.csv.bz2", "SELECT s.name FROM S3Object s WHERE s.age > 80", in -> in
                .compressionType(CompressionType.BZIP2).csv(c -> c.fileHeaderInfo(FileHeaderInfo.USE)), csvOut())
                .records()).isEqualTo("Grace\n");
    }

    @Test
    void csv_settings_name_the_delimiters_quote_and_comment_lines() {
        put("semi.csv", "# export\nid;note\n1;'a;b'\n2;'x'\n".getBytes(StandardCharsets.UTF_8));
        Selected selected = select("semi.csv", "SELECT s.note FROM S3Object s", in -> in.csv(c -> c
                .fileHeaderInfo(FileHeaderInfo.USE).fieldDelimiter(";").quoteCharacter("'").comments("#")),
                out -> out.json(j -> j.recordDelimiter(",")));
        assertThat(selected.records()).isEqualTo("{\"note\":\"a;b\"},{\"note\":\"x\"},");
    }

    @Test
    void progress_events_are_sent_when_asked_for() {
        SelectObjectContentRequest request = request("people.csv", "SELECT * FROM S3Object", csvWithHeaders(),
                csvOut()).toBuilder().requestProgress(p -> p.enabled(true)).build();
        assertThat(run(request).events()).containsExactly("Records", "Progress", "Stats", "End");
    }

    @Test
    void a_query_that_does_not_parse_is_refused_before_any_event() {
        assertSelectError(() -> select("people.csv", "SELECT s.name FROM S3Object s WHERE", csvWithHeaders(),
                csvOut()), "ParseExpectedExpression");
        assertSelectError(() -> select("people.csv", "SELECT s.name FROM S3Object s WHERE s.age >", csvWithHeaders(),
                csvOut()), "ParseExpectedExpression");
        assertSelectError(() -> select("people.csv", "SELECT s.name s.age FROM S3Object s", csvWithHeaders(),
                csvOut()), "ParseUnexpectedToken");
        assertSelectError(() -> select("people.csv", "SELECT s.name", csvWithHeaders(), csvOut()),
                "ParseSelectMissingFrom");
    }

    @Test
    void clauses_and_functions_s3_select_lacks_are_refused_by_name() {
        assertSelectError(() -> select("people.csv", "SELECT s.name FROM S3Object s ORDER BY s.name",
                csvWithHeaders(), csvOut()), "UnsupportedSyntax", "ORDER is not supported by S3 Select.");
        assertSelectError(() -> select("people.csv", "SELECT SOUNDEX(s.name) FROM S3Object s", csvWithHeaders(),
                csvOut()), "UnsupportedFunction", "Function SOUNDEX is not supported by S3 Select in SimStack.");
    }

    @Test
    void column_names_need_a_header_line_and_positions_start_at_one() {
        assertSelectError(() -> select("people.csv", "SELECT s.name FROM S3Object s",
                in -> in.csv(c -> c.fileHeaderInfo(FileHeaderInfo.NONE)), csvOut()), "MissingHeaders");
        assertSelectError(() -> select("people.csv", "SELECT s.zip FROM S3Object s", csvWithHeaders(), csvOut()),
                "MissingHeaders");
        assertSelectError(() -> select("people.csv", "SELECT _0 FROM S3Object", csvWithHeaders(), csvOut()),
                "InvalidColumnIndex");
    }

    @Test
    void a_cast_that_cannot_convert_fails_with_cast_failed() {
        assertSelectError(() -> select("people.csv", "SELECT CAST(s.city AS INT) FROM S3Object s", csvWithHeaders(),
                csvOut()), "CastFailed", "Attempt to convert from one data type to another using CAST failed in the"
                + " SQL expression.");
    }

    @Test
    void request_settings_s3_does_not_know_are_refused_with_its_codes() {
        SelectObjectContentRequest notSql = request("people.csv", "SELECT * FROM S3Object", csvWithHeaders(),
                csvOut()).toBuilder().expressionType("XPATH").build();
        assertSelectError(() -> run(notSql), "InvalidExpressionType",
                "The ExpressionType is invalid. Only SQL expressions are supported.");
        assertSelectError(() -> select("people.csv", "SELECT * FROM S3Object", in -> in.compressionType("ZSTD")
                .csv(c -> { }), csvOut()), "InvalidCompressionFormat",
                "The file is not in a supported compression format. Only GZIP and BZIP2 are supported.");
        assertSelectError(() -> select("people.csv", "SELECT * FROM S3Object", in -> in.compressionType(
                CompressionType.GZIP).csv(c -> { }), csvOut()), "InvalidCompressionFormat");
    }

    @Test
    void a_missing_key_answers_no_such_key() {
        assertSelectError(() -> select("nothing.csv", "SELECT * FROM S3Object", csvWithHeaders(), csvOut()),
                "NoSuchKey");
    }

    // --- helpers ---

    /** What the handler saw: the records' text, the event types in order, the Stats event's figures. */
    private record Selected(String records, List<String> events, Stats stats) {
    }

    private Selected select(String key, String sql, Consumer<InputSerialization.Builder> input,
            Consumer<OutputSerialization.Builder> output) {
        return run(request(key, sql, input, output));
    }

    private static SelectObjectContentRequest request(String key, String sql,
            Consumer<InputSerialization.Builder> input, Consumer<OutputSerialization.Builder> output) {
        return SelectObjectContentRequest.builder().bucket("data").key(key).expression(sql)
                .expressionType(ExpressionType.SQL).inputSerialization(input).outputSerialization(output).build();
    }

    private Selected run(SelectObjectContentRequest request) {
        StringBuilder records = new StringBuilder();
        List<String> events = new ArrayList<>();
        Stats[] stats = new Stats[1];
        SelectObjectContentResponseHandler.Visitor visitor = SelectObjectContentResponseHandler.Visitor.builder()
                .onRecords(r -> {
                    events.add("Records");
                    records.append(r.payload().asUtf8String());
                })
                .onProgress(p -> events.add("Progress"))
                .onStats(s -> {
                    events.add("Stats");
                    stats[0] = s.details();
                })
                .onEnd(e -> events.add("End"))
                .build();
        async.selectObjectContent(request, SelectObjectContentResponseHandler.builder().subscriber(visitor).build())
                .join();
        return new Selected(records.toString(), events, stats[0]);
    }

    private static void assertSelectError(Runnable call, String code) {
        assertSelectError(call, code, null);
    }

    private static void assertSelectError(Runnable call, String code, String message) {
        assertThatThrownBy(call::run).isInstanceOf(CompletionException.class).cause()
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
                    if (message != null) {
                        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
                    }
                });
    }

    private void put(String key, byte[] bytes) {
        s3.putObject(p -> p.bucket("data").key(key), RequestBody.fromBytes(bytes));
    }

    private static Consumer<InputSerialization.Builder> csvWithHeaders() {
        return in -> in.csv(c -> c.fileHeaderInfo(FileHeaderInfo.USE));
    }

    private static Consumer<InputSerialization.Builder> jsonLines() {
        return in -> in.json(j -> j.type(JSONType.LINES));
    }

    private static Consumer<OutputSerialization.Builder> csvOut() {
        return out -> out.csv(c -> { });
    }

    private static Consumer<OutputSerialization.Builder> jsonOut() {
        return out -> out.json(j -> { });
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(bytes);
        }
        return out.toByteArray();
    }

    private static byte[] bzip2(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (BZip2CompressorOutputStream zip = new BZip2CompressorOutputStream(out)) {
            zip.write(bytes);
        }
        return out.toByteArray();
    }
}
