package dev.simstack.core.internal.protocol.restxml;

import io.netty.handler.codec.http.HttpHeaders;
import java.util.Map;

/**
 * A REST service's operation table: in REST protocols the operation is not named on the wire but follows
 * from method, path and query (S3: {@code PUT /b/k?tagging} is PutObjectTagging).
 */
@FunctionalInterface
public interface RestOperations {

    /**
     * The operation a request is for.
     *
     * @param bucket the bucket addressed, or null
     * @param key the key addressed, or null
     * @param query the query parameters (first values), without presigning parameters
     * @throws RestXmlError when no operation fits (MethodNotAllowed, NotImplemented)
     */
    String resolve(String method, String bucket, String key, Map<String, String> query, HttpHeaders headers);
}
