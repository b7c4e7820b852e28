package dev.simstack.assertions.internal;

import dev.simstack.core.LedgerEntry.Message;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The order rule of a message group: in the order deliveries happened, none is of a message sent before a
 * message of its group that was already delivered. (A FIFO queue holds back a group while one of its messages
 * is in flight, so a redelivery never follows a later message's delivery.)
 */
public final class GroupOrder {

    private GroupOrder() {
    }

    /** One line per delivery out of its group's send order, in ledger order. */
    public static List<String> violations(List<MessageLife> lives) {
        Map<String, Integer> sendPosition = new HashMap<>();
        Map<String, MessageLife> byId = new HashMap<>();
        Map<String, Integer> sentInGroup = new HashMap<>();
        for (MessageLife life : lives) {
            if (life.groupId() != null) {
                sendPosition.put(life.messageId(), sentInGroup.merge(life.groupId(), 1, Integer::sum));
                byId.put(life.messageId(), life);
            }
        }
        List<Message> deliveries = lives.stream().filter(life -> life.groupId() != null)
                .flatMap(life -> life.deliveries().stream())
                .sorted(Comparator.comparingLong(Message::sequence)).toList();
        Map<String, Message> latestInGroup = new HashMap<>();
        List<String> violations = new ArrayList<>();
        for (Message delivery : deliveries) {
            String group = byId.get(delivery.messageId()).groupId();
            Message latest = latestInGroup.get(group);
            int position = sendPosition.get(delivery.messageId());
            if (latest != null && sendPosition.get(latest.messageId()) > position) {
                violations.add("group " + group + ": message " + delivery.messageId() + " (sent " + ordinal(position)
                        + ") delivered #" + delivery.sequence() + " " + delivery.at() + " after message "
                        + latest.messageId() + " (sent " + ordinal(sendPosition.get(latest.messageId()))
                        + ") was delivered #" + latest.sequence() + " " + latest.at());
            } else {
                latestInGroup.put(group, delivery);
            }
        }
        return violations;
    }

    private static String ordinal(int n) {
        String suffix = n % 100 >= 11 && n % 100 <= 13 ? "th"
                : switch (n % 10) {
                    case 1 -> "st";
                    case 2 -> "nd";
                    case 3 -> "rd";
                    default -> "th";
                };
        return n + suffix;
    }
}
