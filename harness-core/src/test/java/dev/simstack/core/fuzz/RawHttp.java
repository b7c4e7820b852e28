package dev.simstack.core.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Bytes on a plain socket, for requests no HTTP client would send: writes them, optionally half-closes (the
 * request ends there), and reads one HTTP answer by its Content-Length, skipping interim 1xx answers.
 */
final class RawHttp {

    /** How long any answer may take before the server counts as hung. */
    static final int TIMEOUT_MILLIS = 10_000;

    private RawHttp() {
    }

    /**
     * An HTTP answer, or {@link #CLOSED} when the server closed (or reset) the connection without one.
     */
    record Answer(int status, Map<String, String> headers, byte[] body) {

        static final Answer CLOSED = new Answer(-1, Map.of(), new byte[0]);

        boolean closed() {
            return status < 0;
        }

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** Thrown when the server neither answered nor closed within {@link #TIMEOUT_MILLIS}. */
    static final class Hung extends AssertionError {
        private static final long serialVersionUID = 1L;

        Hung(String what) {
            super("the server neither answered nor closed the connection within " + TIMEOUT_MILLIS + " ms after "
                    + what);
        }
    }

    /** Sends {@code request} on a new connection and reads the answer. */
    static Answer exchange(int port, byte[] request, boolean halfClose) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.flush();
                if (halfClose) {
                    socket.shutdownOutput();
                }
            } catch (SocketException e) {
                // The server closed while we were writing (e.g. it rejected the headers early); read what it said.
            }
            return read(socket.getInputStream(), describe(request));
        }
    }

    /** Reads one final answer; a reset or end of stream before any status line is {@link Answer#CLOSED}. */
    static Answer read(InputStream in, String what) throws IOException {
        try {
            while (true) {
                String statusLine = line(in);
                if (statusLine == null) {
                    return Answer.CLOSED;
                }
                String[] parts = statusLine.split(" ", 3);
                if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
                    throw new AssertionError("not an HTTP status line: '" + statusLine + "' after " + what);
                }
                int status = Integer.parseInt(parts[1]);
                Map<String, String> headers = new LinkedHashMap<>();
                for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
                    int colon = header.indexOf(':');
                    headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                            header.substring(colon + 1).trim());
                }
                if (status >= 100 && status < 200) {
                    continue;
                }
                String length = headers.get("content-length");
                byte[] body = length != null ? in.readNBytes(Integer.parseInt(length)) : in.readAllBytes();
                return new Answer(status, headers, body);
            }
        } catch (SocketTimeoutException e) {
            throw new Hung(what);
        } catch (SocketException e) {
            return Answer.CLOSED;
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                byte[] raw = bytes.toByteArray();
                int end = raw.length > 0 && raw[raw.length - 1] == '\r' ? raw.length - 1 : raw.length;
                return new String(raw, 0, end, StandardCharsets.ISO_8859_1);
            }
            bytes.write(b);
        }
        return bytes.size() == 0 ? null : bytes.toString(StandardCharsets.ISO_8859_1);
    }

    /** The first line of a request (or its first bytes), for failure messages. */
    static String describe(byte[] request) {
        int end = 0;
        while (end < request.length && end < 200 && request[end] != '\r' && request[end] != '\n') {
            end++;
        }
        return "a request of " + request.length + " bytes starting '"
                + new String(request, 0, end, StandardCharsets.ISO_8859_1).replaceAll("[^\\x20-\\x7e]", "?") + "'";
    }

    /** An HTTP/1.1 request with the given header lines (no Content-Length added) and body. */
    static byte[] request(String requestLine, Iterable<String> headerLines, byte[] body) {
        StringBuilder head = new StringBuilder(requestLine).append("\r\n");
        for (String header : headerLines) {
            head.append(header).append("\r\n");
        }
        head.append("\r\n");
        byte[] headBytes = head.toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, all, 0, headBytes.length);
        System.arraycopy(body, 0, all, headBytes.length, body.length);
        return all;
    }
}
