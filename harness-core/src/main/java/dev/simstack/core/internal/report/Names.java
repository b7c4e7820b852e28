package dev.simstack.core.internal.report;

import dev.simstack.core.AwsService;
import dev.simstack.core.ResourceRef;
import java.util.function.Function;

/**
 * What the report calls a resource: its name, with its region when the stack spans several, and an API's
 * name beside its id.
 */
final class Names {

    private final boolean multiRegion;
    private final Function<String, String> apiNames;

    Names(boolean multiRegion, Function<String, String> apiNames) {
        this.multiRegion = multiRegion;
        this.apiNames = apiNames;
    }

    String of(ResourceRef ref) {
        if (ref == null) {
            return "-";
        }
        String name = ref.name();
        if (ref.service() == AwsService.APIGATEWAY) {
            String apiName = apiNames.apply(ref.name());
            name = apiName == null ? ref.name() : apiName;
        }
        return multiRegion && !ref.region().isEmpty() ? ref.region() + "/" + name : name;
    }
}
