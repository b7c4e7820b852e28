package dev.simstack.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.simstack.core.internal.engine.IdSource;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class IdSourceTest {

    @Test
    void the_same_seed_gives_the_same_ids() {
        IdSource a = new IdSource(42);
        IdSource b = new IdSource(42);
        List<String> first = IntStream.range(0, 5).mapToObj(i -> a.next()).toList();
        List<String> second = IntStream.range(0, 5).mapToObj(i -> b.next()).toList();
        assertThat(first).isEqualTo(second);
        assertThat(new IdSource(43).next()).isNotEqualTo(first.get(0));
    }

    @Test
    void ids_are_unique_version_4_uuids() {
        IdSource ids = new IdSource(7);
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            UUID id = ids.nextUuid();
            assertThat(id.version()).isEqualTo(4);
            assertThat(id.variant()).isEqualTo(2);
            seen.add(id);
        }
        assertThat(seen).hasSize(100_000);
    }
}
