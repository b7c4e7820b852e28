package dev.simstack.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One HTTP/1.1 request over a plain socket: the cheapest client there is, so that the cold-start probe
 * measures the stack's first answer and not a client's class loading.
 */
final class RawHttp {

    private RawHttp() {
    }

    /** Posts an AWS JSON 1.0 call and returns the whole response (status line, headers, body). */
    static String postJson(int port, String target, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        String head = "POST / HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n"
                + "Content-Type: application/x-amz-json-1.0\r\nX-Amz-Target: " + target + "\r\n"
                + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
        return exchange(port, head, body);
    }

    /** GETs {@code path} and returns the whole response. */
    static String get(int port, String path) throws IOException {
        return exchange(port, "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n\r\n",
                new byte[0]);
    }

    private static String exchange(int port, String head, byte[] body) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            in.transferTo(response);
            return response.toString(StandardCharsets.UTF_8);
        }
    }

    /** The status code of a response {@link #postJson} or {@link #get} returned. */
    static int status(String response) {
        return Integer.parseInt(response.substring(9, 12));
    }
}
