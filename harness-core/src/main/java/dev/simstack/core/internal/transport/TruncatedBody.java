package dev.simstack.core.internal.transport;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A body cut short by a wire fault: its first {@code kept} bytes, then the {@code IOException} an HTTP client
 * raises when a connection closes before the Content-Length it announced (Apache's message), so the SDK
 * meets a premature end as it meets it on a socket.
 */
final class TruncatedBody extends FilterInputStream {

    private final long kept;
    private final long declared;
    private long read;

    TruncatedBody(InputStream whole, long kept, long declared) {
        super(whole);
        this.kept = kept;
        this.declared = declared;
    }

    @Override
    public int read() throws IOException {
        if (read >= kept) {
            throw prematureEnd();
        }
        int b = super.read();
        if (b >= 0) {
            read++;
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (read >= kept) {
            throw prematureEnd();
        }
        int n = super.read(buffer, offset, (int) Math.min(length, kept - read));
        if (n > 0) {
            read += n;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(Math.min(n, kept - read));
        read += skipped;
        return skipped;
    }

    @Override
    public int available() {
        return (int) Math.max(0, Math.min(Integer.MAX_VALUE, kept - read));
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private IOException prematureEnd() {
        return new IOException("Premature end of Content-Length delimited message body (expected: " + declared
                + "; received: " + read + ")");
    }
}
