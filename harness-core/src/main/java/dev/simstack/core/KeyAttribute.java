package dev.simstack.core;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One key attribute of a declared table or index: its name and scalar type.
 *
 * @param name the attribute's name
 * @param type S, N or B
 */
@API(status = EXPERIMENTAL, since = "0.2")
public record KeyAttribute(String name, ScalarAttributeType type) {

    /** Checks that both parts are given. */
    public KeyAttribute {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }

    @Override
    public String toString() {
        return name + " (" + type + ")";
    }
}
