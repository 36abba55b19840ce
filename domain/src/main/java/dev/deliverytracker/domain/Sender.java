package dev.deliverytracker.domain;

/** Who a message is sent from: a number of ours, a Messaging Service, or the organization's default. */
public sealed interface Sender {

    record OrganizationDefault() implements Sender {
    }

    record Number(Address address) implements Sender {
        public Number {
            if (address == null) {
                throw new IllegalArgumentException("sender number is required");
            }
        }
    }

    record Service(MessagingServiceSid sid) implements Sender {
        public Service {
            if (sid == null) {
                throw new IllegalArgumentException("sender Messaging Service SID is required");
            }
        }
    }

    static Sender organizationDefault() {
        return new OrganizationDefault();
    }
}
