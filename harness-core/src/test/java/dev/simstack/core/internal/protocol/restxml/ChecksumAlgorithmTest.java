package dev.simstack.core.internal.protocol.restxml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.simstack.core.internal.protocol.ChecksumAlgorithm;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The check values of each algorithm on "123456789", base64 and big-endian as S3 sends them. */
class ChecksumAlgorithmTest {

    private static final byte[] CHECK = "123456789".getBytes(StandardCharsets.US_ASCII);

    @Test
    void each_algorithm_yields_its_published_check_value() {
        assertThat(ChecksumAlgorithm.CRC32.of(CHECK)).isEqualTo("y/Q5Jg=="); // 0xCBF43926
        assertThat(ChecksumAlgorithm.CRC32C.of(CHECK)).isEqualTo("4waSgw==");    // 0xE3069283
        assertThat(ChecksumAlgorithm.CRC64NVME.of(CHECK)).isEqualTo("rosUhgp5mIg="); // 0xAE8B14860A799888
        assertThat(ChecksumAlgorithm.SHA1.of(CHECK)).isEqualTo("98O8HYCOBHMq32eZZczDTKeuNEE=");
        assertThat(ChecksumAlgorithm.SHA256.of(CHECK)).isEqualTo("FeKw08M4keuw8e9gnsQZQgwg4yDOlMZfvIwzEkSOsiU=");
    }

    @Test
    void names_headers_and_elements_follow_s3() {
        assertThat(ChecksumAlgorithm.named("crc64nvme")).isEqualTo(ChecksumAlgorithm.CRC64NVME);
        assertThat(ChecksumAlgorithm.named("md5")).isNull();
        assertThat(ChecksumAlgorithm.CRC32C.header()).isEqualTo("x-amz-checksum-crc32c");
        assertThat(ChecksumAlgorithm.SHA256.element()).isEqualTo("ChecksumSHA256");
    }
}
