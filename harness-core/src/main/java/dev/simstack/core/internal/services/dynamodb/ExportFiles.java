package dev.simstack.core.internal.services.dynamodb;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simstack.core.SimRandom;
import dev.simstack.core.internal.services.dynamodb.item.AttributeMap;
import dev.simstack.core.internal.services.dynamodb.item.AttributeValueCodec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * Writes an export's objects as DynamoDB lays them out ("DynamoDB data export to Amazon S3: output format"):
 * under {@code [prefix/]AWSDynamoDB/<export id>/}, an empty {@code _started}, {@code data/<name>.json.gz} with one
 * {@code {"Item":{...}}} line per item in DynamoDB JSON, {@code manifest-files.json} (one JSON line per data file),
 * {@code manifest-summary.json}, and each manifest's {@code .md5} (its base64 MD5). One data file holds every
 * item (AWS splits large tables over several; readers go through the manifest either way).
 */
final class ExportFiles {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyz234567";

    private final S3Objects s3;
    private final SimRandom random;

    ExportFiles(S3Objects s3, SimRandom random) {
        this.s3 = s3;
        this.random = random;
    }

    /** The export's folder: the prefix (a slash added unless it ends with one), then AWSDynamoDB and the id. */
    static String folder(String prefix, String exportId) {
        String start = prefix == null || prefix.isEmpty() ? "" : prefix.endsWith("/") ? prefix : prefix + "/";
        return start + "AWSDynamoDB/" + exportId + "/";
    }

    /** Writes the files of {@code job} (its manifest key already chosen) holding {@code items}. */
    void write(ExportJob job, String exportId, List<AttributeMap> items) {
        String folder = folder(job.prefix(), exportId);
        String region = job.region();
        s3.put(region, job.bucket(), folder + "_started", new byte[0], "binary/octet-stream");
        String dataKey = folder + "data/" + dataFileName() + ".json.gz";
        byte[] data = gzip(lines(items));
        String etag = s3.put(region, job.bucket(), dataKey, data, "application/x-gzip");
        ObjectNode fileEntry = JsonNodeFactory.instance.objectNode().put("itemCount", items.size())
                .put("md5Checksum", md5(data)).put("etag", etag).put("dataFileS3Key", dataKey);
        byte[] files = (text(fileEntry) + "\n").getBytes(StandardCharsets.UTF_8);
        String filesKey = folder + "manifest-files.json";
        s3.put(region, job.bucket(), filesKey, files, "application/json");
        s3.put(region, job.bucket(), folder + "manifest-files.md5", md5(files).getBytes(StandardCharsets.UTF_8),
                "text/plain");
        byte[] summary = text(summary(job, filesKey)).getBytes(StandardCharsets.UTF_8);
        s3.put(region, job.bucket(), job.manifest(), summary, "application/json");
        s3.put(region, job.bucket(), folder + "manifest-summary.md5", md5(summary).getBytes(StandardCharsets.UTF_8),
                "text/plain");
    }

    private static ObjectNode summary(ExportJob job, String filesKey) {
        ObjectNode summary = JsonNodeFactory.instance.objectNode().put("version", "2020-06-30")
                .put("exportArn", job.arn()).put("startTime", iso(job.startTime())).put("endTime", iso(job.endTime()))
                .put("tableArn", job.tableArn()).put("tableId", job.tableId()).put("exportTime", iso(job.exportTime()))
                .put("s3Bucket", job.bucket()).put("s3Prefix", job.prefix()).put("s3SseAlgorithm", job.sseAlgorithm())
                .putNull("s3SseKmsKeyId").put("manifestFilesS3Key", filesKey)
                .put("billedSizeBytes", job.billedSizeBytes()).put("itemCount", job.itemCount())
                .put("outputFormat", "DYNAMODB_JSON").put("exportType", "FULL_EXPORT");
        return summary;
    }

    private static byte[] lines(List<AttributeMap> items) {
        StringBuilder lines = new StringBuilder();
        for (AttributeMap item : items) {
            ObjectNode line = JsonNodeFactory.instance.objectNode();
            line.set("Item", AttributeValueCodec.writeItem(item));
            lines.append(text(line)).append('\n');
        }
        return lines.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** AWS names data files with 26 characters of base32 in lower case. */
    private String dataFileName() {
        StringBuilder name = new StringBuilder(26);
        for (int i = 0; i < 26; i++) {
            name.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
        }
        return name.toString();
    }

    private static String iso(Instant instant) {
        return instant.toString();
    }

    private static String text(ObjectNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String md5(byte[] bytes) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
