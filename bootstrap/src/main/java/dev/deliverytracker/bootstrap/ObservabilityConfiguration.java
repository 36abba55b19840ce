package dev.deliverytracker.bootstrap;

import dev.deliverytracker.application.port.out.MessageWork;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the service tells about the work on each message: fields on its log lines. */
@Configuration(proxyBeanMethods = false)
class ObservabilityConfiguration {

    @Bean
    MessageWork messageWork() {
        return new LoggedMessageWork();
    }
}
