package dev.deliverytracker.adapter.web;

import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/** Everything this adapter contributes, for the application to import as one piece. */
@Configuration(proxyBeanMethods = false)
@ComponentScan
public class WebAdapterConfiguration {
}
