package dev.simstack.assertions.error;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import org.apiguardian.api.API;
import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/** The failure of a burst in which a request was not sent exactly once, or got no answer. */
@API(status = EXPERIMENTAL, since = "0.2")
public class ShouldAccountForEveryRequest extends BasicErrorMessageFactory {

    private ShouldAccountForEveryRequest(String format, Object... arguments) {
        super(format, arguments);
    }

    /**
     * Creates the message.
     *
     * @param unanswered the indexes of the requests that got no answer (status 0)
     * @param missing the indexes in [0, total) that no request has
     * @param repeated the indexes that more than one request has
     * @param burst the burst's one-line summary ({@code BurstResult.toString()})
     */
    public static ErrorMessageFactory shouldAccountForEveryRequest(List<Long> unanswered, List<Long> missing,
            List<Long> repeated, String burst) {
        StringBuilder found = new StringBuilder();
        found.append(unanswered.isEmpty() ? "" : "\n  got no answer (status 0; a reset connection or a burst that"
                + " stopped waiting): " + shown(unanswered));
        found.append(missing.isEmpty() ? "" : "\n  never sent: " + shown(missing));
        found.append(repeated.isEmpty() ? "" : "\n  sent more than once: " + shown(repeated));
        return new ShouldAccountForEveryRequest("Expecting every request of the burst to be sent once and answered\n"
                + "but these requests (by index) were not:%s\n%s", unquotedString(found.toString()),
                unquotedString(burst));
    }

    private static String shown(List<Long> indexes) {
        String list = Texts.joined(indexes.subList(0, Math.min(indexes.size(), Texts.SHOWN)));
        return indexes.size() > Texts.SHOWN ? list + " and " + (indexes.size() - Texts.SHOWN) + " more" : list;
    }
}
