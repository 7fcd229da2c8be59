#!/usr/bin/env bash
# Installs the external programs the test suites need (run as root, e.g. in CI before `dotnet test`).
#  - mosquitto + mosquitto-clients: MQTT conformance tests for Pomelo.Akka.Protocol.Mqtt.
#    The tests start their own broker on a free 127.0.0.1 port, so the system service must not run.
set -euo pipefail

if ! command -v mosquitto >/dev/null 2>&1 || ! command -v mosquitto_sub >/dev/null 2>&1 \
  || ! command -v mosquitto_pub >/dev/null 2>&1; then
  # Forbid invoke-rc.d from starting services during the install (Debian policy-rc.d protocol).
  created_policy=0
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d
    chmod +x /usr/sbin/policy-rc.d
    created_policy=1
  fi
  trap 'if [ "$created_policy" = 1 ]; then rm -f /usr/sbin/policy-rc.d; fi' EXIT

  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq mosquitto mosquitto-clients

  # Belt and braces: if a postinst started the system broker anyway, stop exactly that one.
  service mosquitto stop >/dev/null 2>&1 || true
  if [ -s /run/mosquitto/mosquitto.pid ]; then
    kill "$(cat /run/mosquitto/mosquitto.pid)" 2>/dev/null || true
  fi
fi

echo "mosquitto: $(command -v mosquitto || echo missing)"
echo "mosquitto_sub: $(command -v mosquitto_sub || echo missing)"
echo "mosquitto_pub: $(command -v mosquitto_pub || echo missing)"
