package dev.deliverytracker.bootstrap;

import dev.deliverytracker.application.port.in.CollectCharges;
import dev.deliverytracker.application.port.in.PurgeHistory;
import dev.deliverytracker.application.port.in.ReconcileMessages;
import dev.deliverytracker.application.port.out.DeliveryLog;
import dev.deliverytracker.application.port.out.MessageGateway;
import dev.deliverytracker.application.port.out.OldHistory;
import dev.deliverytracker.application.port.out.StaleMessages;
import dev.deliverytracker.application.port.out.TwilioAccounts;
import dev.deliverytracker.application.port.out.MessageCharges;
import dev.deliverytracker.application.service.CollectChargesService;
import dev.deliverytracker.application.service.Pause;
import dev.deliverytracker.application.service.PurgeHistoryService;
import dev.deliverytracker.application.service.ReconcileMessagesService;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The reconcile, charge and retention use cases as beans. Their schedules are separate beans. */
@Configuration(proxyBeanMethods = false)
class JobConfiguration {

    @Bean
    ReconcileMessages reconcileMessages(StaleMessages stale, MessageGateway gateway, TwilioAccounts accounts,
            DeliveryLog log, Clock clock, ReconcileProperties properties) {
        return new ReconcileMessagesService(stale, gateway, accounts, log, clock, properties.policy(),
                Pause.sleeping());
    }

    @Bean
    @ConditionalOnProperty(name = "tracker.charges.enabled", havingValue = "true", matchIfMissing = true)
    CollectCharges collectCharges(MessageCharges unpriced, MessageGateway gateway, TwilioAccounts accounts,
            Clock clock, ReconcileProperties reconcile, ChargeProperties properties) {
        return new CollectChargesService(unpriced, gateway, accounts, clock, reconcile.policy(), properties.policy(),
                Pause.sleeping());
    }

    @Bean
    PurgeHistory purgeHistory(OldHistory history, Clock clock, RetentionProperties properties) {
        return new PurgeHistoryService(history, clock, properties.policy(), Pause.sleeping());
    }
}
