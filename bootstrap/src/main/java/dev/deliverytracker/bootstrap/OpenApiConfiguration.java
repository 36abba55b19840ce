package dev.deliverytracker.bootstrap;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description's frame: what the API is and that every call needs an organization's key. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI deliveryTrackerApi() {
        return new OpenAPI()
                .info(new Info().title("Delivery tracker API").version("v1")
                        .description("Send WhatsApp and SMS messages through Twilio and follow their delivery."))
                .components(new Components().addSecuritySchemes("apiKey", new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .description("An API key of your organization, as 'Authorization: Bearer <key>'")))
                .addSecurityItem(new SecurityRequirement().addList("apiKey"));
    }
}
