package dev.simstack.sample.demo;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The settings of the app's template that the demo's advice weighs the run against, read from the template's
 * text so that the template stays their one source: the stage's throttle (the parameters' defaults), the
 * worker mapping's batch size and maximum concurrency, and each function's memory.
 *
 * @param stageRate {@code StageRateLimit}'s default, requests a second
 * @param stageBurst {@code StageBurstLimit}'s default
 * @param batchSize the worker's {@code BatchSize}
 * @param maximumConcurrency the worker's {@code ScalingConfig.MaximumConcurrency}
 * @param memoryMb the functions' {@code MemorySize} (the template's global)
 * @param timeoutSeconds the functions' {@code Timeout} (the template's global)
 */
record TemplateSettings(double stageRate, int stageBurst, int batchSize, int maximumConcurrency, int memoryMb,
        int timeoutSeconds) {

    static TemplateSettings read(String template) {
        return new TemplateSettings(
                Double.parseDouble(find(template, "StageRateLimit:\\s*\\n\\s*Type: Number\\s*\\n\\s*Default: ([0-9.]+)")),
                Integer.parseInt(find(template, "StageBurstLimit:\\s*\\n\\s*Type: Number\\s*\\n\\s*Default: (\\d+)")),
                Integer.parseInt(find(template, "BatchSize: (\\d+)")),
                Integer.parseInt(find(template, "MaximumConcurrency: (\\d+)")),
                Integer.parseInt(find(template, "MemorySize: (\\d+)")),
                Integer.parseInt(find(template, "\\n\\s+Timeout: (\\d+)")));
    }

    private static String find(String template, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(template);
        if (!matcher.find()) {
            throw new IllegalStateException("the app's template.yaml no longer matches /" + regex + "/; update "
                    + "TemplateSettings with it");
        }
        return matcher.group(1);
    }
}
