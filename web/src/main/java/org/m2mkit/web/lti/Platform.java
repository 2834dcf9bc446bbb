package org.m2mkit.web.lti;

import java.util.List;

/** A learning platform the kit is registered in: what it told the instructor to paste into the kit. */
public record Platform(long id, String issuer, String clientId, String authUrl, String tokenUrl, String jwksUrl,
                List<String> deployments) {

    boolean knows(String deploymentId) {
        return deployments.contains(deploymentId);
    }
}
