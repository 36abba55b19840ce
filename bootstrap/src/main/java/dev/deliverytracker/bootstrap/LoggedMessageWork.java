package dev.deliverytracker.bootstrap;

import dev.deliverytracker.application.port.LogFields;
import dev.deliverytracker.application.port.out.MessageWork;
import dev.deliverytracker.domain.MessageId;
import dev.deliverytracker.domain.OrganizationId;
import org.slf4j.MDC;

/**
 * Puts the message's id and organization in the MDC for the work about it, so every line logged on
 * that thread meanwhile (ours, twilio-java's, the JDK-logged lines of the application) carries them as
 * fields in structured logs. What was in the MDC before comes back at the end, so nested work (a send
 * within a dispatch) leaves the outer work's fields in place.
 */
final class LoggedMessageWork implements MessageWork {

    @Override
    public Scope begin(String name, MessageId message, OrganizationId organization) {
        String previousId = MDC.get(LogFields.MESSAGE_ID);
        String previousOrganization = MDC.get(LogFields.ORGANIZATION_ID);
        MDC.put(LogFields.MESSAGE_ID, message.toString());
        MDC.put(LogFields.ORGANIZATION_ID, organization.toString());
        return () -> {
            restore(LogFields.MESSAGE_ID, previousId);
            restore(LogFields.ORGANIZATION_ID, previousOrganization);
        };
    }

    private static void restore(String key, String previous) {
        if (previous == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, previous);
        }
    }
}
