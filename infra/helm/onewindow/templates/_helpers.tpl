{{/* Names: every object is <release>-<component>. */}}
{{- define "onewindow.name" -}}
{{- printf "%s-%s" .root.Release.Name .component | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "onewindow.selectorLabels" -}}
app.kubernetes.io/name: onewindow
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{- define "onewindow.labels" -}}
{{ include "onewindow.selectorLabels" . }}
app.kubernetes.io/part-of: onewindow
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version }}
{{- end -}}

{{/* The image, pinned: a tag (never latest) and optionally a digest. */}}
{{- define "onewindow.image" -}}
{{- $tag := .Values.image.tag | default .Chart.AppVersion | toString -}}
{{- if or (eq $tag "latest") (eq $tag "") -}}
{{- fail "image.tag must pin a version (not empty, not \"latest\")" -}}
{{- end -}}
{{- if .Values.image.digest -}}
{{- printf "%s:%s@%s" .Values.image.repository $tag .Values.image.digest -}}
{{- else -}}
{{- printf "%s:%s" .Values.image.repository $tag -}}
{{- end -}}
{{- end -}}

{{/* onewindow_<service> (database) — household → onewindow_household, exit-entry → onewindow_exit_entry. */}}
{{- define "onewindow.database" -}}
{{- printf "onewindow_%s" (replace "-" "_" .) -}}
{{- end -}}

{{- define "onewindow.natsUrl" -}}
{{- .Values.natsUrl | default (printf "nats://%s-nats:4222" .Release.Name) -}}
{{- end -}}

{{- /* The ingress controller: the only way in from outside the namespace. */}}
{{- define "onewindow.fromIngressController" -}}
- namespaceSelector:
    matchLabels:
      {{- toYaml .ingressNamespaceSelector | nindent 6 }}
  {{- with .ingressPodSelector }}
  podSelector:
    matchLabels:
      {{- toYaml . | nindent 6 }}
  {{- end }}
{{- end }}
{{- /* Prometheus, when a namespace is named: /metrics is served on each app's own port. */}}
{{- define "onewindow.fromMetrics" -}}
{{- with .metricsNamespaceSelector }}
- from:
    - namespaceSelector:
        matchLabels:
          {{- toYaml . | nindent 10 }}
  ports:
    - { port: http, protocol: TCP }
{{- end }}
{{- end }}
