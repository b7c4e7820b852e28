package dev.simstack.core.internal.services.s3.select;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * Messages of the AWS event stream encoding ({@code application/vnd.amazon.eventstream}): a prelude of total
 * and header lengths with its CRC32, string headers, the payload, and the whole message's CRC32. The SDK's
 * eventstream library is not on the engine's class path (only clients carry it), so the few lines are here.
 */
final class EventStreamFrames {

    private static final byte STRING = 7;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    /** Appends an event message of {@code eventType}, with a {@code :content-type} when not null. */
    EventStreamFrames event(String eventType, String contentType, byte[] payload) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(":event-type", eventType);
        if (contentType != null) {
            headers.put(":content-type", contentType);
        }
        headers.put(":message-type", "event");
        byte[] encodedHeaders = headers(headers);
        int total = 12 + encodedHeaders.length + payload.length + 4;
        ByteBuffer message = ByteBuffer.allocate(total);
        message.putInt(total).putInt(encodedHeaders.length).putInt((int) crc(message.array(), 8));
        message.put(encodedHeaders).put(payload);
        message.putInt((int) crc(message.array(), total - 4));
        out.writeBytes(message.array());
        return this;
    }

    byte[] bytes() {
        return out.toByteArray();
    }

    private static byte[] headers(Map<String, String> headers) {
        ByteArrayOutputStream encoded = new ByteArrayOutputStream();
        headers.forEach((name, value) -> {
            byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
            byte[] valueBytes = value.getBytes(StandardCharsets.UTF_8);
            encoded.write(nameBytes.length);
            encoded.writeBytes(nameBytes);
            encoded.write(STRING);
            encoded.write(valueBytes.length >> 8);
            encoded.write(valueBytes.length & 0xff);
            encoded.writeBytes(valueBytes);
        });
        return encoded.toByteArray();
    }

    private static long crc(byte[] bytes, int length) {
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, length);
        return crc.getValue();
    }
}
