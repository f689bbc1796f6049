{{/*
One Deployment. Input: dict root, component (name), cfg (its values), gateway (bool).
*/}}
{{- define "onewindow.deployment" -}}
{{- $root := .root -}}
{{- $v := $root.Values -}}
{{- $name := .component -}}
{{- $cfg := .cfg -}}
{{- $ctx := dict "root" $root "component" $name -}}
{{- $db := include "onewindow.database" $name -}}
{{- $secret := include "onewindow.name" $ctx -}}
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "onewindow.name" $ctx }}
  labels:
    {{- include "onewindow.labels" $ctx | nindent 4 }}
spec:
  replicas: {{ $cfg.replicas }}
  revisionHistoryLimit: 5
  strategy:
    type: RollingUpdate
    rollingUpdate: { maxUnavailable: 0, maxSurge: 1 }
  selector:
    matchLabels:
      {{- include "onewindow.selectorLabels" $ctx | nindent 6 }}
  template:
    metadata:
      labels:
        {{- include "onewindow.labels" $ctx | nindent 8 }}
    spec:
      automountServiceAccountToken: false
      enableServiceLinks: false
      terminationGracePeriodSeconds: 40
      {{- with $v.imagePullSecrets }}
      imagePullSecrets:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      securityContext:
        {{- toYaml $v.podSecurityContext | nindent 8 }}
      {{- if $v.topologySpread }}
      topologySpreadConstraints:
        - maxSkew: 1
          topologyKey: kubernetes.io/hostname
          whenUnsatisfiable: ScheduleAnyway
          labelSelector:
            matchLabels:
              {{- include "onewindow.selectorLabels" $ctx | nindent 14 }}
      {{- end }}
      containers:
        - name: {{ $name }}
          image: {{ include "onewindow.image" $root | quote }}
          imagePullPolicy: {{ $v.image.pullPolicy }}
          command: ["node", "apps/{{ $name }}/dist/main.js"]
          ports:
            - name: http
              containerPort: {{ $cfg.port }}
              protocol: TCP
          env:
            - { name: APP_MODE, value: production }
            - { name: NODE_ENV, value: production }
            - { name: HOST, value: 0.0.0.0 }
            - { name: PORT, value: {{ $cfg.port | quote }} }
            - { name: NODE_OPTIONS, value: {{ printf "--max-old-space-size=%d" (int $cfg.maxOldSpaceMb) | quote }} }
            - { name: DATA_DIR, value: /tmp/onewindow }
            - name: INTERNAL_IDENTITY_SECRET
              valueFrom: { secretKeyRef: { name: {{ include "onewindow.name" (dict "root" $root "component" "identity") }}, key: INTERNAL_IDENTITY_SECRET } }
            {{- if .gateway }}
            {{- range $svc, $svcCfg := $v.services }}
            - { name: {{ printf "%s_URL" (upper (replace "-" "_" $svc)) }}, value: {{ printf "http://%s:%v/graphql" (include "onewindow.name" (dict "root" $root "component" $svc)) $svcCfg.port | quote }} }
            {{- end }}
            # The counter UI, built into the image, served from the gateway's origin.
            - { name: UI_DIR, value: apps/counter-ui/dist }
            - { name: SUPERGRAPH_SOURCE, value: file }
            {{- else }}
            - { name: NATS_URL, value: {{ include "onewindow.natsUrl" $root | quote }} }
            - { name: NATS_USER, value: {{ $name }} }
            {{- if $v.natsCaSecret }}
            - { name: NATS_TLS_CA, value: {{ printf "/etc/onewindow/nats-ca/%s" $v.natsCaKey | quote }} }
            {{- end }}
            - name: NATS_PASSWORD
              valueFrom: { secretKeyRef: { name: {{ $secret }}, key: NATS_PASSWORD } }
            - name: DATABASE_APP_PASSWORD
              valueFrom: { secretKeyRef: { name: {{ $secret }}, key: DATABASE_APP_PASSWORD } }
            - name: DATABASE_OWNER_PASSWORD
              valueFrom: { secretKeyRef: { name: {{ $secret }}, key: DATABASE_OWNER_PASSWORD } }
            # Passwords are expanded by Kubernetes from the two variables above (URL-safe passwords).
            - { name: DATABASE_URL, value: {{ printf "postgres://%s_app:$(DATABASE_APP_PASSWORD)@%s:%v/%s" $db $v.postgres.host $v.postgres.port $db | quote }} }
            - { name: DATABASE_OWNER_URL, value: {{ printf "postgres://%s_owner:$(DATABASE_OWNER_PASSWORD)@%s:%v/%s" $db $v.postgres.host $v.postgres.port $db | quote }} }
            - { name: DATABASE_SSL_MODE, value: {{ $v.postgres.sslMode | quote }} }
            {{- if $v.postgres.caSecret }}
            - { name: DATABASE_SSL_CA, value: {{ printf "/etc/onewindow/postgres-ca/%s" $v.postgres.caKey | quote }} }
            {{- end }}
            {{- end }}
            {{- range $key, $value := $v.commonEnv }}
            - { name: {{ $key }}, value: {{ $value | toString | quote }} }
            {{- end }}
            {{- range $key, $value := $cfg.env }}
            - { name: {{ $key }}, value: {{ $value | toString | quote }} }
            {{- end }}
            {{- range $cfg.secretEnv }}
            - name: {{ . }}
              valueFrom: { secretKeyRef: { name: {{ $secret }}, key: {{ . }} } }
            {{- end }}
            {{- range (concat ($cfg.optionalSecretEnv | default list) ($v.commonOptionalSecretEnv | default list)) }}
            - name: {{ . }}
              valueFrom: { secretKeyRef: { name: {{ $secret }}, key: {{ . }}, optional: true } }
            {{- end }}
          startupProbe:
            httpGet: { path: /health/live, port: http }
            {{- toYaml $v.probes.startup | nindent 12 }}
          livenessProbe:
            httpGet: { path: /health/live, port: http }
            {{- toYaml $v.probes.liveness | nindent 12 }}
          readinessProbe:
            httpGet: { path: {{ ternary "/health/live" "/health/ready" .gateway }}, port: http }
            {{- toYaml $v.probes.readiness | nindent 12 }}
          lifecycle:
            # Let the Service and the ingress drop this pod before it stops taking requests.
            preStop:
              exec: { command: ["sleep", "5"] }
          resources:
            {{- toYaml $cfg.resources | nindent 12 }}
          securityContext:
            {{- toYaml $v.securityContext | nindent 12 }}
          volumeMounts:
            - { name: tmp, mountPath: /tmp }
            {{- if and (not .gateway) $v.postgres.caSecret }}
            - { name: postgres-ca, mountPath: /etc/onewindow/postgres-ca, readOnly: true }
            {{- end }}
            {{- if and (not .gateway) $v.natsCaSecret }}
            - { name: nats-ca, mountPath: /etc/onewindow/nats-ca, readOnly: true }
            {{- end }}
      volumes:
        - name: tmp
          emptyDir: { sizeLimit: 64Mi }
        {{- if and (not .gateway) $v.postgres.caSecret }}
        - name: postgres-ca
          secret: { secretName: {{ $v.postgres.caSecret }}, items: [{ key: {{ $v.postgres.caKey }}, path: {{ $v.postgres.caKey }} }] }
        {{- end }}
        {{- if and (not .gateway) $v.natsCaSecret }}
        - name: nats-ca
          secret: { secretName: {{ $v.natsCaSecret }}, items: [{ key: {{ $v.natsCaKey }}, path: {{ $v.natsCaKey }} }] }
        {{- end }}
{{- end -}}
