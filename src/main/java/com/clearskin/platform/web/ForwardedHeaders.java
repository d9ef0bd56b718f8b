package com.clearskin.platform.web;

import com.clearskin.platform.StartupRefusal;
import org.apache.catalina.Valve;
import org.apache.catalina.valves.RemoteIpValve;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Tomcat believes {@code X-Forwarded-For} and {@code X-Forwarded-Proto} from the configured
 * {@link TrustedProxies} only (never from "any private or loopback address", Tomcat's default), so
 * {@code request.getRemoteAddr()} and {@code isSecure()} are the truth everywhere in the app.
 */
@Configuration(proxyBeanMethods = false)
class ForwardedHeaders implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

    private final TrustedProxies proxies;

    ForwardedHeaders(ProxySettings settings) {
        try {
            this.proxies = TrustedProxies.of(settings.trusted());
        } catch (IllegalArgumentException e) {
            throw new StartupRefusal(e.getMessage(), e);
        }
    }

    @Override
    public void customize(ConfigurableTomcatWebServerFactory factory) {
        if (factory instanceof org.springframework.boot.tomcat.TomcatWebServerFactory tomcat) {
            for (Valve valve : tomcat.getEngineValves()) {
                if (valve instanceof RemoteIpValve remoteIp) {
                    trustOnlyTheConfigured(remoteIp);
                }
            }
        }
    }

    void trustOnlyTheConfigured(RemoteIpValve valve) {
        valve.setInternalProxies(proxies.asCidrList());
        valve.setTrustedProxies("");
    }

    /** After Spring Boot's own customizer, which adds the valve. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
