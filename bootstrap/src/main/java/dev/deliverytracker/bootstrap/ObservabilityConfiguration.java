package dev.deliverytracker.bootstrap;

import dev.deliverytracker.application.port.in.RecordDeliveryStatus;
import dev.deliverytracker.application.port.out.MessageWork;
import io.micrometer.tracing.Tracer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * What the service tells about the work on each message: fields on its log lines always, and spans
 * (dispatch, send, callback) when traces are sampled: management.tracing.sampling.probability above 0
 * (it is 0 in application.yml). With tracing off, the callback path has no span code at all, and
 * dispatch only sets log fields.
 */
@Configuration(proxyBeanMethods = false)
class ObservabilityConfiguration {

    private final Tracer tracer;

    ObservabilityConfiguration(ObjectProvider<Tracer> tracer,
            @Value("${management.tracing.sampling.probability:0}") double sampled) {
        Tracer available = tracer.getIfAvailable();
        this.tracer = sampled > 0 && available != null && available != Tracer.NOOP ? available : null;
    }

    @Bean
    MessageWork messageWork() {
        return tracer == null ? new LoggedMessageWork() : new TracedMessageWork(tracer);
    }

    /** What the webhook records callbacks through: the use case (bean recordDeliveryStatus), traced or not. */
    @Bean
    @Primary
    RecordDeliveryStatus callbackRecorder(@Qualifier("recordDeliveryStatus") RecordDeliveryStatus recorder) {
        return tracer == null ? recorder : new TracedRecordDeliveryStatus(recorder, tracer);
    }
}
