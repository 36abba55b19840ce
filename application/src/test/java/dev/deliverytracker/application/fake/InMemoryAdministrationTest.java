package dev.deliverytracker.application.fake;

import dev.deliverytracker.application.port.out.AuditTrail;
import dev.deliverytracker.application.port.out.OrganizationDirectory;
import dev.deliverytracker.domain.OrganizationId;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Nested;

/** The fakes of the administration's ports keep the same promises as PostgreSQL. */
class InMemoryAdministrationTest {

    @Nested
    class Directory extends OrganizationDirectoryContract {
        private final InMemoryOrganizationDirectory directory = new InMemoryOrganizationDirectory();

        @Override
        protected OrganizationDirectory directory() {
            return directory;
        }
    }

    @Nested
    class Senders extends AllowedSendersContract {
        private final InMemoryAllowedSenders senders = new InMemoryAllowedSenders();
        private final AtomicLong ids = new AtomicLong();

        @Override
        protected dev.deliverytracker.application.port.out.AllowedSenders senders() {
            return senders;
        }

        @Override
        protected OrganizationId newOrganization() {
            return OrganizationId.of(ids.incrementAndGet());
        }
    }

    @Nested
    class Trail extends AuditTrailContract {
        private final InMemoryAuditTrail trail = new InMemoryAuditTrail();
        private final AtomicLong ids = new AtomicLong();

        @Override
        protected AuditTrail trail() {
            return trail;
        }

        @Override
        protected OrganizationId newOrganization() {
            return OrganizationId.of(ids.incrementAndGet());
        }
    }
}
