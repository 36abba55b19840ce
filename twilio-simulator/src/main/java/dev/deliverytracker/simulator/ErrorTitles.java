package dev.deliverytracker.simulator;

import java.util.Map;

/**
 * Short English titles of the Twilio error codes the simulator plays, used for the REST error
 * message, the callback's ErrorMessage and WhatsApp's ChannelStatusMessage. Unknown codes get a
 * generic title: receivers must map the code themselves anyway.
 */
final class ErrorTitles {

    private static final Map<Integer, String> TITLES = Map.ofEntries(
            Map.entry(20003, "Authentication Error - invalid username"),
            Map.entry(20404, "The requested resource was not found"),
            Map.entry(20429, "Too Many Requests"),
            Map.entry(20500, "Internal Server Error"),
            Map.entry(20503, "Service Unavailable"),
            Map.entry(21211, "Invalid 'To' Phone Number"),
            Map.entry(21408, "Permission to send an SMS has not been enabled for the region indicated by the 'To' number"),
            Map.entry(21602, "Message body is required."),
            Map.entry(21603, "A 'From' phone number is required."),
            Map.entry(21604, "A 'To' phone number is required."),
            Map.entry(21610, "Attempt to send to unsubscribed recipient"),
            Map.entry(21611, "This 'From' number has exceeded the maximum number of queued messages"),
            Map.entry(21612, "The 'To' phone number is not currently reachable via SMS"),
            Map.entry(21614, "'To' number is not a valid mobile number"),
            Map.entry(21617, "The concatenated message body exceeds the 1600 character limit."),
            Map.entry(30001, "Queue overflow"),
            Map.entry(30002, "Account suspended"),
            Map.entry(30003, "Unreachable destination handset"),
            Map.entry(30004, "Message blocked"),
            Map.entry(30005, "Unknown destination handset"),
            Map.entry(30006, "Landline or unreachable carrier"),
            Map.entry(30007, "Message filtered"),
            Map.entry(30008, "Unknown error"),
            Map.entry(30500, "Internal error"),
            Map.entry(63003, "Channel could not find To address"),
            Map.entry(63007, "Twilio could not find a Channel with the specified From address"),
            Map.entry(63016, "Failed to send freeform message because you are outside the allowed window. "
                    + "If you are using WhatsApp, please use a Message Template."),
            Map.entry(63018, "Rate limit exceeded for Channel"),
            Map.entry(63024, "Invalid message recipient"),
            Map.entry(63049, "Meta chose not to deliver this WhatsApp marketing message"));

    private ErrorTitles() {
    }

    static String of(int code) {
        return TITLES.getOrDefault(code, "Twilio error " + code);
    }
}
