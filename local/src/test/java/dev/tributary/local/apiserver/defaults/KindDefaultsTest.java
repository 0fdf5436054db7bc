package dev.tributary.local.apiserver.defaults;

import static dev.tributary.local.apiserver.defaults.TestJson.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each kind's defaults against what Kubernetes 1.32 stores for the same input (the SetDefaults_* of
 * core/v1, apps/v1, batch/v1, batch/v1beta1 and admissionregistration/v1).
 */
class KindDefaultsTest {

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of(
            "a minimal pod",
            "",
            "Pod",
            """
            spec:
              containers:
              - name: app
                image: nginx
            """,
            """
            spec:
              containers:
              - name: app
                image: nginx
                imagePullPolicy: Always
                terminationMessagePath: /dev/termination-log
                terminationMessagePolicy: File
              enableServiceLinks: true
              dnsPolicy: ClusterFirst
              restartPolicy: Always
              securityContext: {}
              terminationGracePeriodSeconds: 30
              schedulerName: default-scheduler
            """),
        Arguments.of(
            "a pod's ports, env, probes, lifecycle, volumes, limits and service account",
            "",
            "Pod",
            """
            spec:
              serviceAccount: builder
              hostNetwork: true
              containers:
              - name: app
                image: nginx:1.27
                ports:
                - containerPort: 8080
                env:
                - name: POD
                  valueFrom:
                    fieldRef:
                      fieldPath: metadata.name
                resources:
                  limits:
                    cpu: 500m
                  requests:
                    memory: 64Mi
                livenessProbe:
                  httpGet:
                    port: 8080
                readinessProbe:
                  grpc:
                    port: 9090
                  periodSeconds: 5
                lifecycle:
                  preStop:
                    httpGet:
                      port: 8080
              initContainers:
              - name: init
                image: busybox@sha256:abc
                resources:
                  limits:
                    memory: 1Gi
              volumes:
              - name: scratch
              - name: config
                configMap:
                  name: settings
              - name: creds
                secret:
                  secretName: creds
                  defaultMode: 256
              - name: host
                hostPath:
                  path: /tmp
              - name: info
                downwardAPI:
                  items:
                  - path: name
                    fieldRef:
                      fieldPath: metadata.name
              - name: token
                projected:
                  sources:
                  - serviceAccountToken:
                      path: token
            """,
            """
            spec:
              serviceAccount: builder
              serviceAccountName: builder
              hostNetwork: true
              containers:
              - name: app
                image: nginx:1.27
                imagePullPolicy: IfNotPresent
                terminationMessagePath: /dev/termination-log
                terminationMessagePolicy: File
                ports:
                - containerPort: 8080
                  hostPort: 8080
                  protocol: TCP
                env:
                - name: POD
                  valueFrom:
                    fieldRef:
                      apiVersion: v1
                      fieldPath: metadata.name
                resources:
                  limits:
                    cpu: 500m
                  requests:
                    memory: 64Mi
                    cpu: 500m
                livenessProbe:
                  httpGet:
                    port: 8080
                    path: /
                    scheme: HTTP
                  timeoutSeconds: 1
                  periodSeconds: 10
                  successThreshold: 1
                  failureThreshold: 3
                readinessProbe:
                  grpc:
                    port: 9090
                    service: ""
                  periodSeconds: 5
                  timeoutSeconds: 1
                  successThreshold: 1
                  failureThreshold: 3
                lifecycle:
                  preStop:
                    httpGet:
                      port: 8080
                      path: /
                      scheme: HTTP
              initContainers:
              - name: init
                image: busybox@sha256:abc
                imagePullPolicy: IfNotPresent
                terminationMessagePath: /dev/termination-log
                terminationMessagePolicy: File
                resources:
                  limits:
                    memory: 1Gi
                  requests:
                    memory: 1Gi
              volumes:
              - name: scratch
                emptyDir: {}
              - name: config
                configMap:
                  name: settings
                  defaultMode: 420
              - name: creds
                secret:
                  secretName: creds
                  defaultMode: 256
              - name: host
                hostPath:
                  path: /tmp
                  type: ""
              - name: info
                downwardAPI:
                  defaultMode: 420
                  items:
                  - path: name
                    fieldRef:
                      apiVersion: v1
                      fieldPath: metadata.name
              - name: token
                projected:
                  defaultMode: 420
                  sources:
                  - serviceAccountToken:
                      path: token
                      expirationSeconds: 3600
              enableServiceLinks: true
              dnsPolicy: ClusterFirst
              restartPolicy: Always
              securityContext: {}
              terminationGracePeriodSeconds: 30
              schedulerName: default-scheduler
            """),
        Arguments.of(
            "a pod's own choices stay",
            "",
            "Pod",
            """
            spec:
              restartPolicy: Never
              dnsPolicy: Default
              terminationGracePeriodSeconds: 0
              enableServiceLinks: false
              securityContext:
                runAsUser: 1000
              schedulerName: mine
              containers:
              - name: app
                image: nginx
                imagePullPolicy: Never
                terminationMessagePolicy: FallbackToLogsOnError
            """,
            """
            spec:
              restartPolicy: Never
              dnsPolicy: Default
              terminationGracePeriodSeconds: 0
              enableServiceLinks: false
              securityContext:
                runAsUser: 1000
              schedulerName: mine
              containers:
              - name: app
                image: nginx
                imagePullPolicy: Never
                terminationMessagePolicy: FallbackToLogsOnError
                terminationMessagePath: /dev/termination-log
            """),
        Arguments.of(
            "a deployment (its template gets PodSpec defaults, not Pod-only ones)",
            "apps",
            "Deployment",
            """
            spec:
              selector:
                matchLabels:
                  app: web
              template:
                metadata:
                  labels:
                    app: web
                spec:
                  containers:
                  - name: web
                    image: nginx:1.27
            """,
            """
            spec:
              replicas: 1
              strategy:
                type: RollingUpdate
                rollingUpdate:
                  maxUnavailable: 25%
                  maxSurge: 25%
              revisionHistoryLimit: 10
              progressDeadlineSeconds: 600
              selector:
                matchLabels:
                  app: web
              template:
                metadata:
                  labels:
                    app: web
                spec:
                  containers:
                  - name: web
                    image: nginx:1.27
                    imagePullPolicy: IfNotPresent
                    terminationMessagePath: /dev/termination-log
                    terminationMessagePolicy: File
                  dnsPolicy: ClusterFirst
                  restartPolicy: Always
                  securityContext: {}
                  terminationGracePeriodSeconds: 30
                  schedulerName: default-scheduler
            """),
        Arguments.of(
            "a Recreate deployment gets no rolling update parameters",
            "apps",
            "Deployment",
            """
            spec:
              replicas: 3
              strategy:
                type: Recreate
            """,
            """
            spec:
              replicas: 3
              strategy:
                type: Recreate
              revisionHistoryLimit: 10
              progressDeadlineSeconds: 600
            """),
        Arguments.of(
            "a replica set",
            "apps",
            "ReplicaSet",
            "spec: {}",
            """
            spec:
              replicas: 1
            """),
        Arguments.of(
            "a daemon set",
            "apps",
            "DaemonSet",
            "spec: {}",
            """
            spec:
              updateStrategy:
                type: RollingUpdate
                rollingUpdate:
                  maxUnavailable: 1
                  maxSurge: 0
              revisionHistoryLimit: 10
            """),
        Arguments.of(
            "a stateful set",
            "apps",
            "StatefulSet",
            """
            spec:
              volumeClaimTemplates:
              - metadata:
                  name: data
                spec:
                  accessModes: [ReadWriteOnce]
            """,
            """
            spec:
              podManagementPolicy: OrderedReady
              updateStrategy:
                type: RollingUpdate
                rollingUpdate:
                  partition: 0
              persistentVolumeClaimRetentionPolicy:
                whenDeleted: Retain
                whenScaled: Retain
              replicas: 1
              revisionHistoryLimit: 10
              volumeClaimTemplates:
              - metadata:
                  name: data
                spec:
                  accessModes: [ReadWriteOnce]
                  volumeMode: Filesystem
                status:
                  phase: Pending
            """),
        Arguments.of(
            "a stateful set's OnDelete strategy gets no partition",
            "apps",
            "StatefulSet",
            """
            spec:
              updateStrategy:
                type: OnDelete
            """,
            """
            spec:
              podManagementPolicy: OrderedReady
              updateStrategy:
                type: OnDelete
              persistentVolumeClaimRetentionPolicy:
                whenDeleted: Retain
                whenScaled: Retain
              replicas: 1
              revisionHistoryLimit: 10
            """),
        Arguments.of(
            "a job (labels come from its template)",
            "batch",
            "Job",
            """
            metadata:
              name: once
            spec:
              template:
                metadata:
                  labels:
                    app: once
                spec:
                  restartPolicy: Never
            """,
            """
            metadata:
              name: once
              labels:
                app: once
            spec:
              completions: 1
              parallelism: 1
              backoffLimit: 6
              completionMode: NonIndexed
              suspend: false
              podReplacementPolicy: TerminatingOrFailed
              template:
                metadata:
                  labels:
                    app: once
                spec:
                  restartPolicy: Never
                  dnsPolicy: ClusterFirst
                  securityContext: {}
                  terminationGracePeriodSeconds: 30
                  schedulerName: default-scheduler
            """),
        Arguments.of(
            "a parallel indexed job with a per-index backoff and a failure policy",
            "batch",
            "Job",
            """
            metadata:
              labels:
                mine: "yes"
            spec:
              parallelism: 3
              completionMode: Indexed
              backoffLimitPerIndex: 2
              podFailurePolicy:
                rules:
                - action: Ignore
                  onPodConditions:
                  - type: DisruptionTarget
            """,
            """
            metadata:
              labels:
                mine: "yes"
            spec:
              parallelism: 3
              completionMode: Indexed
              backoffLimitPerIndex: 2
              backoffLimit: 2147483647
              suspend: false
              podReplacementPolicy: Failed
              podFailurePolicy:
                rules:
                - action: Ignore
                  onPodConditions:
                  - type: DisruptionTarget
                    status: "True"
            """),
        Arguments.of(
            "a cron job (its job template gets pod template defaults only)",
            "batch",
            "CronJob",
            """
            spec:
              schedule: "* * * * *"
              jobTemplate:
                spec:
                  template:
                    spec:
                      restartPolicy: OnFailure
                      containers:
                      - name: tick
                        image: busybox:latest
            """,
            """
            spec:
              schedule: "* * * * *"
              concurrencyPolicy: Allow
              suspend: false
              successfulJobsHistoryLimit: 3
              failedJobsHistoryLimit: 1
              jobTemplate:
                spec:
                  template:
                    spec:
                      restartPolicy: OnFailure
                      containers:
                      - name: tick
                        image: busybox:latest
                        imagePullPolicy: Always
                        terminationMessagePath: /dev/termination-log
                        terminationMessagePolicy: File
                      dnsPolicy: ClusterFirst
                      securityContext: {}
                      terminationGracePeriodSeconds: 30
                      schedulerName: default-scheduler
            """),
        Arguments.of(
            "a service",
            "",
            "Service",
            """
            spec:
              selector:
                app: web
              ports:
              - port: 80
              - port: 53
                protocol: UDP
                targetPort: dns
            """,
            """
            spec:
              selector:
                app: web
              ports:
              - port: 80
                protocol: TCP
                targetPort: 80
              - port: 53
                protocol: UDP
                targetPort: dns
              sessionAffinity: None
              type: ClusterIP
              internalTrafficPolicy: Cluster
            """),
        Arguments.of(
            "a load balancer with client IP affinity",
            "",
            "Service",
            """
            spec:
              type: LoadBalancer
              sessionAffinity: ClientIP
              ports:
              - port: 443
                targetPort: 0
            """,
            """
            spec:
              type: LoadBalancer
              sessionAffinity: ClientIP
              sessionAffinityConfig:
                clientIP:
                  timeoutSeconds: 10800
              ports:
              - port: 443
                protocol: TCP
                targetPort: 443
              externalTrafficPolicy: Cluster
              internalTrafficPolicy: Cluster
              allocateLoadBalancerNodePorts: true
            """),
        Arguments.of(
            "an ExternalName service gets no traffic policies",
            "",
            "Service",
            """
            spec:
              type: ExternalName
              externalName: example.com
              sessionAffinityConfig:
                clientIP:
                  timeoutSeconds: 5
            """,
            """
            spec:
              type: ExternalName
              externalName: example.com
              sessionAffinity: None
            """),
        Arguments.of("a secret", "", "Secret", "data: {}", "data: {}\ntype: Opaque"),
        Arguments.of(
            "a typed secret", "", "Secret", "type: kubernetes.io/tls", "type: kubernetes.io/tls"),
        Arguments.of(
            "endpoints",
            "",
            "Endpoints",
            """
            subsets:
            - ports:
              - port: 80
            """,
            """
            subsets:
            - ports:
              - port: 80
                protocol: TCP
            """),
        Arguments.of(
            "a mutating webhook configuration",
            "admissionregistration.k8s.io",
            "MutatingWebhookConfiguration",
            """
            webhooks:
            - name: m.example.com
              clientConfig:
                service:
                  name: hook
                  namespace: system
              rules:
              - operations: [CREATE]
                apiGroups: [""]
                apiVersions: [v1]
                resources: [pods]
              sideEffects: None
              admissionReviewVersions: [v1]
            """,
            """
            webhooks:
            - name: m.example.com
              clientConfig:
                service:
                  name: hook
                  namespace: system
                  port: 443
              rules:
              - operations: [CREATE]
                apiGroups: [""]
                apiVersions: [v1]
                resources: [pods]
                scope: "*"
              sideEffects: None
              admissionReviewVersions: [v1]
              failurePolicy: Fail
              matchPolicy: Equivalent
              namespaceSelector: {}
              objectSelector: {}
              timeoutSeconds: 10
              reinvocationPolicy: Never
            """),
        Arguments.of(
            "a validating webhook configuration (no reinvocation policy)",
            "admissionregistration.k8s.io",
            "ValidatingWebhookConfiguration",
            """
            webhooks:
            - name: v.example.com
              failurePolicy: Ignore
              timeoutSeconds: 3
              clientConfig:
                url: https://example.com/validate
            """,
            """
            webhooks:
            - name: v.example.com
              failurePolicy: Ignore
              timeoutSeconds: 3
              clientConfig:
                url: https://example.com/validate
              matchPolicy: Equivalent
              namespaceSelector: {}
              objectSelector: {}
            """),
        Arguments.of(
            "a config map has no visible defaults", "", "ConfigMap", "data: {}", "data: {}"),
        Arguments.of("a service account has none either", "", "ServiceAccount", "{}", "{}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void defaultsAsKubernetes(
      String description, String group, String kind, String input, String expected) {
    ObjectNode object = yaml(input);

    KindDefaults.apply(group, kind, object);

    assertThat(object).isEqualTo(yaml(expected));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void applyingTwiceChangesNothing(
      String description, String group, String kind, String input, String expected) {
    ObjectNode object = yaml(input);
    KindDefaults.apply(group, kind, object);
    ObjectNode once = object.deepCopy();

    KindDefaults.apply(group, kind, object);

    assertThat(object).isEqualTo(once);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "nginx, Always",
    "nginx:latest, Always",
    "nginx:1.27, IfNotPresent",
    "docker.io/library/nginx:stable, IfNotPresent",
    "localhost:5000/nginx, Always",
    "localhost:5000/nginx:1, IfNotPresent",
    "nginx@sha256:49dac8ea, IfNotPresent",
    "nginx:latest@sha256:49dac8ea, Always",
    "nginx:1.27@sha256:49dac8ea, IfNotPresent",
    "'', IfNotPresent"
  })
  void imagePullPolicyFollowsTheTag(String image, String policy) {
    assertThat(PodSpecDefaults.pullPolicyFor(image)).isEqualTo(policy);
  }
}
