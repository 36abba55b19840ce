package dev.deliverytracker.adapter.web.api;

import java.util.Map;

/**
 * The JSON body of {@code POST /api/v1/messages}.
 *
 * @param channel             {@code sms} or {@code whatsapp}
 * @param to                  the recipient in E.164 ({@code +31612345678}); {@code whatsapp:} may be written or not
 * @param from                a sender number of ours; omit it (and messagingServiceSid) for the organization's default
 * @param messagingServiceSid a Twilio Messaging Service that picks the sender
 * @param body                free text, up to 1600 characters; or give a template instead
 * @param template            a Twilio content template and its variables
 * @param tags                up to 10 short labels to find the message by later
 */
public record SendMessageRequest(String channel, String to, String from, String messagingServiceSid, String body,
        Template template, Map<String, String> tags) {

    public record Template(String contentSid, Map<String, String> variables) {
    }
}
