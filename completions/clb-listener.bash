# bash completion for clb-listener                                -*- shell-script -*-
#
# Generated from the command definitions by `clb-listener completion bash`; do not edit.
# (In the source tree, `npm run completions` rewrites completions/.)
#
# Install, either:
#   mkdir -p ~/.local/share/bash-completion/completions
#   clb-listener completion bash > ~/.local/share/bash-completion/completions/clb-listener
# or, in ~/.bashrc:
#   source <(clb-listener completion bash)

# The subcommands of a command path ("" is the root).
_clb_listener_commands() {
  case "$1" in
    '') _clb_listener_reply='create apply export wait list delete rule target configure whoami emulator completion help' ;;
    'rule') _clb_listener_reply='create modify delete list help' ;;
    'target') _clb_listener_reply='add help' ;;
    'configure') _clb_listener_reply='set unset get list show' ;;
    *) _clb_listener_reply='' ;;
  esac
}

# The options valid at a command path (its own and its parents').
_clb_listener_options() {
  case "$1" in
    '') _clb_listener_reply='--version --profile --region --endpoint --language --output --query --filter --no-color --request-timeout --debug --quiet --help -V -o -q -h' ;;
    'create') _clb_listener_reply='--load-balancer-id --ports --protocol --listener-names --session-expire-time --scheduler --target-type --session-type --end-port --proxy-protocol --no-proxy-protocol --snat-enable --no-snat-enable --full-end-ports --h2c-switch --no-h2c-switch --data-compress-mode --certificate --sni-switch --no-sni-switch --multi-cert-info --ssl-close-switch --no-ssl-close-switch --cert-id --ssl-mode --ca-cert-id --ssl-verify-client --cert-file --key-file --cert-name --ca-file --ca-name --health-check --keepalive-enable --no-keepalive-enable --max-conn --max-cps --idle-connect-timeout --deregister-target-rst --no-deregister-target-rst --reschedule-target-zero-weight --no-reschedule-target-zero-weight --reschedule-unhealthy --no-reschedule-unhealthy --reschedule-expand-target --no-reschedule-expand-target --reschedule-start-time --reschedule-interval --rule --target --wait-healthy --from-file --cli-input-json --skeleton --generate-cli-skeleton --dry-run --interactive --validate --no-validate --if-not-exists --no-wait --wait-timeout --help --lb --port --name --version --profile --region --endpoint --language --output --query --filter --no-color --request-timeout --debug --quiet -i -h -V -o -q' ;;
    'apply') _clb_listener_reply='--file --plan --detailed-exitcode --prune --yes --schema --validate --no-validate --wait-timeout --wait-healthy --help --version --profile --region --endpoint --language --output --query --filter --no-color --request-timeout --debug --quiet -f -y -h -V -o -q' ;;
    'export') _clb_listener_reply='--lb --port --protocol --help --version --profile --region --endpoint --language --output --query --filter --no-color --request-timeout --debug --quiet -h -V -o -q' ;;
    'wait') _clb_listener_reply='--wait-timeout --help --version --profile --region --endpoint --language --output --query --filter --no-color --request-timeout --debug --quiet -h -V -o -q' ;;
    'list') _clb_listener_reply='--load-balancer-id --port --listener-id --protocol --targets --health --help --lb --ports --version --profile --region --endpoint --language --output --query --filter --no-color --request-timeout --debug --quiet -h -V -o -q' ;;
    'delete') _clb_listener_reply='--load-balancer-id --listener-id --dry-run --no-wait --wait-timeout --help --lb --version --profile --region --endpoint --language --output --query --filter --no-color --request-timeout --debug --quiet -h -V -o -q' ;;
    'rule') _clb_listener_reply='--help --version --profile --region --endpoint --language --output --query --filter --no-color --request-timeout --debug --quiet -h -V -o -q' ;;
    'rule create') _clb_listener_reply='--lb --listener-id --port --dry-run --wait-timeout --rule --if-not-exists --help --version --profile --region --endpoint --language --output --query --filter --no-color --request-timeout --debug --quiet -h -V -o -q' ;;
    'rule modify') _clb_listener_reply='--lb --listener-id --port --dry-run --wait-timeout --rule --help --version --profile --region --endpoint --language --output --query --filter --no-color --request-timeout --debug --quiet -h -V -o -q' ;;
    'rule delete') _clb_listener_reply='--lb --listener-id --port --dry-run --wait-timeout --location-id --domain --url --new-default-domain --if-exists --help --version --profile --region --endpoint --language --output --query --filter --no-color --request-timeout --debug --quiet -h -V -o -q' ;;
    'rule list') _clb_listener_reply='--lb --listener-id --port --help --version --profile --region --endpoint --language --output --query --filter --no-color --request-timeout --debug --quiet -h -V -o -q' ;;
    'rule help') _clb_listener_reply='--help --version --profile --region --endpoint --language --output --query --filter --no-color --request-timeout --debug --quiet -h -V -o -q' ;;
    'target') _clb_listener_reply='--help --version --profile --region --endpoint --language --output --query --filter --no-color --request-timeout --debug --quiet -h -V -o -q' ;;
    'target add') _clb_listener_reply='--lb --listener-id --location-id --domain --url --target --wait-healthy --wait-timeout --help --version --profile --region --endpoint --language --output --query --filter --no-color --request-timeout --debug --quiet -h -V -o -q' ;;
    'target help') _clb_listener_reply='--help --version --profile --region --endpoint --language --output --query --filter --no-color --request-timeout --debug --quiet -h -V -o -q' ;;
    'configure') _clb_listener_reply='--help --version --profile --region --endpoint --language --output --query --filter --no-color --request-timeout --debug --quiet -h -V -o -q' ;;
    'configure set') _clb_listener_reply='--help --version --profile --region --endpoint --language --output --query --filter --no-color --request-timeout --debug --quiet -h -V -o -q' ;;
    'configure unset') _clb_listener_reply='--help --version --profile --region --endpoint --language --output --query --filter --no-color --request-timeout --debug --quiet -h -V -o -q' ;;
    'configure get') _clb_listener_reply='--help --version --profile --region --endpoint --language --output --query --filter --no-color --request-timeout --debug --quiet -h -V -o -q' ;;
    'configure list') _clb_listener_reply='--help --version --profile --region --endpoint --language --output --query --filter --no-color --request-timeout --debug --quiet -h -V -o -q' ;;
    'configure show') _clb_listener_reply='--help --version --profile --region --endpoint --language --output --query --filter --no-color --request-timeout --debug --quiet -h -V -o -q' ;;
    'whoami') _clb_listener_reply='--help --version --profile --region --endpoint --language --output --query --filter --no-color --request-timeout --debug --quiet -h -V -o -q' ;;
    'emulator') _clb_listener_reply='--host --port --secret-id --secret-key --token --region --load-balancers --task-delay --rate-limit --listener-quota --instances --target-health-delay --state --certificates --log --accept-sdk-forms --help --version --profile --endpoint --language --output --query --filter --no-color --request-timeout --debug --quiet -h -V -o -q' ;;
    'completion') _clb_listener_reply='--help --version --profile --region --endpoint --language --output --query --filter --no-color --request-timeout --debug --quiet -h -V -o -q' ;;
    'help') _clb_listener_reply='--version --profile --region --endpoint --language --output --query --filter --no-color --request-timeout --debug --quiet --help -V -o -q -h' ;;
    *) _clb_listener_reply='' ;;
  esac
}

# Whether "path|option" takes a value: required, optional or none.
_clb_listener_arity() {
  case "$1|$2" in
    '|--profile'|'|--region'|'|--endpoint'|'|--language'|'|--output'|'|-o'|'|--query'|'|--filter'|\
    '|--request-timeout') _clb_listener_reply=required ;;
    'create|--load-balancer-id'|'create|--ports'|'create|--protocol'|'create|--listener-names'|\
    'create|--session-expire-time'|'create|--scheduler'|'create|--target-type'|'create|--session-type'|\
    'create|--end-port'|'create|--full-end-ports'|'create|--data-compress-mode'|'create|--certificate'|\
    'create|--multi-cert-info'|'create|--cert-id'|'create|--ssl-mode'|'create|--ca-cert-id'|\
    'create|--ssl-verify-client'|'create|--cert-file'|'create|--key-file'|'create|--cert-name'|\
    'create|--ca-file'|'create|--ca-name'|'create|--health-check'|'create|--max-conn'|'create|--max-cps'|\
    'create|--idle-connect-timeout'|'create|--reschedule-start-time'|'create|--reschedule-interval'|\
    'create|--rule'|'create|--target'|'create|--from-file'|'create|--cli-input-json'|'create|--wait-timeout'|\
    'create|--lb'|'create|--port'|'create|--name'|'create|--profile'|'create|--region'|'create|--endpoint'|\
    'create|--language'|'create|--output'|'create|-o'|'create|--query'|'create|--filter'|\
    'create|--request-timeout') _clb_listener_reply=required ;;
    'create|--proxy-protocol'|'create|--snat-enable'|'create|--h2c-switch'|'create|--sni-switch'|\
    'create|--ssl-close-switch'|'create|--keepalive-enable'|'create|--deregister-target-rst'|\
    'create|--reschedule-target-zero-weight'|'create|--reschedule-unhealthy'|\
    'create|--reschedule-expand-target'|'create|--wait-healthy'|'create|--generate-cli-skeleton') _clb_listener_reply=optional ;;
    'apply|--file'|'apply|-f'|'apply|--wait-timeout'|'apply|--profile'|'apply|--region'|'apply|--endpoint'|\
    'apply|--language'|'apply|--output'|'apply|-o'|'apply|--query'|'apply|--filter'|'apply|--request-timeout') _clb_listener_reply=required ;;
    'apply|--wait-healthy') _clb_listener_reply=optional ;;
    'export|--lb'|'export|--port'|'export|--protocol'|'export|--profile'|'export|--region'|\
    'export|--endpoint'|'export|--language'|'export|--output'|'export|-o'|'export|--query'|'export|--filter'|\
    'export|--request-timeout') _clb_listener_reply=required ;;
    'wait|--wait-timeout'|'wait|--profile'|'wait|--region'|'wait|--endpoint'|'wait|--language'|\
    'wait|--output'|'wait|-o'|'wait|--query'|'wait|--filter'|'wait|--request-timeout') _clb_listener_reply=required ;;
    'list|--load-balancer-id'|'list|--port'|'list|--listener-id'|'list|--protocol'|'list|--lb'|'list|--ports'|\
    'list|--profile'|'list|--region'|'list|--endpoint'|'list|--language'|'list|--output'|'list|-o'|\
    'list|--query'|'list|--filter'|'list|--request-timeout') _clb_listener_reply=required ;;
    'delete|--load-balancer-id'|'delete|--listener-id'|'delete|--wait-timeout'|'delete|--lb'|\
    'delete|--profile'|'delete|--region'|'delete|--endpoint'|'delete|--language'|'delete|--output'|\
    'delete|-o'|'delete|--query'|'delete|--filter'|'delete|--request-timeout') _clb_listener_reply=required ;;
    'rule|--profile'|'rule|--region'|'rule|--endpoint'|'rule|--language'|'rule|--output'|'rule|-o'|\
    'rule|--query'|'rule|--filter'|'rule|--request-timeout') _clb_listener_reply=required ;;
    'rule create|--lb'|'rule create|--listener-id'|'rule create|--port'|'rule create|--wait-timeout'|\
    'rule create|--rule'|'rule create|--profile'|'rule create|--region'|'rule create|--endpoint'|\
    'rule create|--language'|'rule create|--output'|'rule create|-o'|'rule create|--query'|\
    'rule create|--filter'|'rule create|--request-timeout') _clb_listener_reply=required ;;
    'rule modify|--lb'|'rule modify|--listener-id'|'rule modify|--port'|'rule modify|--wait-timeout'|\
    'rule modify|--rule'|'rule modify|--profile'|'rule modify|--region'|'rule modify|--endpoint'|\
    'rule modify|--language'|'rule modify|--output'|'rule modify|-o'|'rule modify|--query'|\
    'rule modify|--filter'|'rule modify|--request-timeout') _clb_listener_reply=required ;;
    'rule delete|--lb'|'rule delete|--listener-id'|'rule delete|--port'|'rule delete|--wait-timeout'|\
    'rule delete|--location-id'|'rule delete|--domain'|'rule delete|--url'|'rule delete|--new-default-domain'|\
    'rule delete|--profile'|'rule delete|--region'|'rule delete|--endpoint'|'rule delete|--language'|\
    'rule delete|--output'|'rule delete|-o'|'rule delete|--query'|'rule delete|--filter'|\
    'rule delete|--request-timeout') _clb_listener_reply=required ;;
    'rule list|--lb'|'rule list|--listener-id'|'rule list|--port'|'rule list|--profile'|'rule list|--region'|\
    'rule list|--endpoint'|'rule list|--language'|'rule list|--output'|'rule list|-o'|'rule list|--query'|\
    'rule list|--filter'|'rule list|--request-timeout') _clb_listener_reply=required ;;
    'rule help|--profile'|'rule help|--region'|'rule help|--endpoint'|'rule help|--language'|\
    'rule help|--output'|'rule help|-o'|'rule help|--query'|'rule help|--filter'|\
    'rule help|--request-timeout') _clb_listener_reply=required ;;
    'target|--profile'|'target|--region'|'target|--endpoint'|'target|--language'|'target|--output'|\
    'target|-o'|'target|--query'|'target|--filter'|'target|--request-timeout') _clb_listener_reply=required ;;
    'target add|--lb'|'target add|--listener-id'|'target add|--location-id'|'target add|--domain'|\
    'target add|--url'|'target add|--target'|'target add|--wait-timeout'|'target add|--profile'|\
    'target add|--region'|'target add|--endpoint'|'target add|--language'|'target add|--output'|\
    'target add|-o'|'target add|--query'|'target add|--filter'|'target add|--request-timeout') _clb_listener_reply=required ;;
    'target add|--wait-healthy') _clb_listener_reply=optional ;;
    'target help|--profile'|'target help|--region'|'target help|--endpoint'|'target help|--language'|\
    'target help|--output'|'target help|-o'|'target help|--query'|'target help|--filter'|\
    'target help|--request-timeout') _clb_listener_reply=required ;;
    'configure|--profile'|'configure|--region'|'configure|--endpoint'|'configure|--language'|\
    'configure|--output'|'configure|-o'|'configure|--query'|'configure|--filter'|\
    'configure|--request-timeout') _clb_listener_reply=required ;;
    'configure set|--profile'|'configure set|--region'|'configure set|--endpoint'|'configure set|--language'|\
    'configure set|--output'|'configure set|-o'|'configure set|--query'|'configure set|--filter'|\
    'configure set|--request-timeout') _clb_listener_reply=required ;;
    'configure unset|--profile'|'configure unset|--region'|'configure unset|--endpoint'|\
    'configure unset|--language'|'configure unset|--output'|'configure unset|-o'|'configure unset|--query'|\
    'configure unset|--filter'|'configure unset|--request-timeout') _clb_listener_reply=required ;;
    'configure get|--profile'|'configure get|--region'|'configure get|--endpoint'|'configure get|--language'|\
    'configure get|--output'|'configure get|-o'|'configure get|--query'|'configure get|--filter'|\
    'configure get|--request-timeout') _clb_listener_reply=required ;;
    'configure list|--profile'|'configure list|--region'|'configure list|--endpoint'|\
    'configure list|--language'|'configure list|--output'|'configure list|-o'|'configure list|--query'|\
    'configure list|--filter'|'configure list|--request-timeout') _clb_listener_reply=required ;;
    'configure show|--profile'|'configure show|--region'|'configure show|--endpoint'|\
    'configure show|--language'|'configure show|--output'|'configure show|-o'|'configure show|--query'|\
    'configure show|--filter'|'configure show|--request-timeout') _clb_listener_reply=required ;;
    'whoami|--profile'|'whoami|--region'|'whoami|--endpoint'|'whoami|--language'|'whoami|--output'|\
    'whoami|-o'|'whoami|--query'|'whoami|--filter'|'whoami|--request-timeout') _clb_listener_reply=required ;;
    'emulator|--host'|'emulator|--port'|'emulator|--secret-id'|'emulator|--secret-key'|'emulator|--token'|\
    'emulator|--region'|'emulator|--load-balancers'|'emulator|--task-delay'|'emulator|--rate-limit'|\
    'emulator|--listener-quota'|'emulator|--instances'|'emulator|--target-health-delay'|'emulator|--state'|\
    'emulator|--certificates'|'emulator|--profile'|'emulator|--endpoint'|'emulator|--language'|\
    'emulator|--output'|'emulator|-o'|'emulator|--query'|'emulator|--filter'|'emulator|--request-timeout') _clb_listener_reply=required ;;
    'completion|--profile'|'completion|--region'|'completion|--endpoint'|'completion|--language'|\
    'completion|--output'|'completion|-o'|'completion|--query'|'completion|--filter'|\
    'completion|--request-timeout') _clb_listener_reply=required ;;
    'help|--profile'|'help|--region'|'help|--endpoint'|'help|--language'|'help|--output'|'help|-o'|\
    'help|--query'|'help|--filter'|'help|--request-timeout') _clb_listener_reply=required ;;
    *) _clb_listener_reply=none ;;
  esac
}

# The values of "path|option": 0 with _clb_listener_reply set, 2 for file names, 1 for nothing known.
_clb_listener_values() {
  case "$1|$2" in
    '|--language') _clb_listener_reply='zh-CN en-US' ;;
    '|--output'|'|-o') _clb_listener_reply='text json table' ;;
    'create|--protocol') _clb_listener_reply='TCP UDP HTTP HTTPS TCP_SSL QUIC' ;;
    'create|--scheduler') _clb_listener_reply='WRR LEAST_CONN' ;;
    'create|--target-type') _clb_listener_reply='NODE TARGETGROUP TARGETGROUP-V2' ;;
    'create|--session-type') _clb_listener_reply='NORMAL QUIC_CID' ;;
    'create|--proxy-protocol') _clb_listener_reply='true false' ;;
    'create|--snat-enable') _clb_listener_reply='true false' ;;
    'create|--h2c-switch') _clb_listener_reply='true false' ;;
    'create|--data-compress-mode') _clb_listener_reply='transparent compatibility' ;;
    'create|--sni-switch') _clb_listener_reply='1 0' ;;
    'create|--ssl-close-switch') _clb_listener_reply='true false' ;;
    'create|--ssl-mode') _clb_listener_reply='UNIDIRECTIONAL MUTUAL' ;;
    'create|--ssl-verify-client') _clb_listener_reply='ON OPTIONAL' ;;
    'create|--health-check') _clb_listener_reply='on off' ;;
    'create|--keepalive-enable') _clb_listener_reply='1 0' ;;
    'create|--deregister-target-rst') _clb_listener_reply='true false' ;;
    'create|--reschedule-target-zero-weight') _clb_listener_reply='true false' ;;
    'create|--reschedule-unhealthy') _clb_listener_reply='true false' ;;
    'create|--reschedule-expand-target') _clb_listener_reply='true false' ;;
    'create|--generate-cli-skeleton') _clb_listener_reply='input' ;;
    'create|--language') _clb_listener_reply='zh-CN en-US' ;;
    'create|--output'|'create|-o') _clb_listener_reply='text json table' ;;
    'apply|--language') _clb_listener_reply='zh-CN en-US' ;;
    'apply|--output'|'apply|-o') _clb_listener_reply='text json table' ;;
    'export|--protocol') _clb_listener_reply='TCP UDP HTTP HTTPS TCP_SSL QUIC' ;;
    'export|--language') _clb_listener_reply='zh-CN en-US' ;;
    'export|--output'|'export|-o') _clb_listener_reply='text json table' ;;
    'wait|--language') _clb_listener_reply='zh-CN en-US' ;;
    'wait|--output'|'wait|-o') _clb_listener_reply='text json table' ;;
    'list|--protocol') _clb_listener_reply='TCP UDP HTTP HTTPS TCP_SSL QUIC' ;;
    'list|--language') _clb_listener_reply='zh-CN en-US' ;;
    'list|--output'|'list|-o') _clb_listener_reply='text json table' ;;
    'delete|--language') _clb_listener_reply='zh-CN en-US' ;;
    'delete|--output'|'delete|-o') _clb_listener_reply='text json table' ;;
    'rule|--language') _clb_listener_reply='zh-CN en-US' ;;
    'rule|--output'|'rule|-o') _clb_listener_reply='text json table' ;;
    'rule create|--language') _clb_listener_reply='zh-CN en-US' ;;
    'rule create|--output'|'rule create|-o') _clb_listener_reply='text json table' ;;
    'rule modify|--language') _clb_listener_reply='zh-CN en-US' ;;
    'rule modify|--output'|'rule modify|-o') _clb_listener_reply='text json table' ;;
    'rule delete|--language') _clb_listener_reply='zh-CN en-US' ;;
    'rule delete|--output'|'rule delete|-o') _clb_listener_reply='text json table' ;;
    'rule list|--language') _clb_listener_reply='zh-CN en-US' ;;
    'rule list|--output'|'rule list|-o') _clb_listener_reply='text json table' ;;
    'rule help|--language') _clb_listener_reply='zh-CN en-US' ;;
    'rule help|--output'|'rule help|-o') _clb_listener_reply='text json table' ;;
    'target|--language') _clb_listener_reply='zh-CN en-US' ;;
    'target|--output'|'target|-o') _clb_listener_reply='text json table' ;;
    'target add|--language') _clb_listener_reply='zh-CN en-US' ;;
    'target add|--output'|'target add|-o') _clb_listener_reply='text json table' ;;
    'target help|--language') _clb_listener_reply='zh-CN en-US' ;;
    'target help|--output'|'target help|-o') _clb_listener_reply='text json table' ;;
    'configure|--language') _clb_listener_reply='zh-CN en-US' ;;
    'configure|--output'|'configure|-o') _clb_listener_reply='text json table' ;;
    'configure set|--language') _clb_listener_reply='zh-CN en-US' ;;
    'configure set|--output'|'configure set|-o') _clb_listener_reply='text json table' ;;
    'configure unset|--language') _clb_listener_reply='zh-CN en-US' ;;
    'configure unset|--output'|'configure unset|-o') _clb_listener_reply='text json table' ;;
    'configure get|--language') _clb_listener_reply='zh-CN en-US' ;;
    'configure get|--output'|'configure get|-o') _clb_listener_reply='text json table' ;;
    'configure list|--language') _clb_listener_reply='zh-CN en-US' ;;
    'configure list|--output'|'configure list|-o') _clb_listener_reply='text json table' ;;
    'configure show|--language') _clb_listener_reply='zh-CN en-US' ;;
    'configure show|--output'|'configure show|-o') _clb_listener_reply='text json table' ;;
    'whoami|--language') _clb_listener_reply='zh-CN en-US' ;;
    'whoami|--output'|'whoami|-o') _clb_listener_reply='text json table' ;;
    'emulator|--language') _clb_listener_reply='zh-CN en-US' ;;
    'emulator|--output'|'emulator|-o') _clb_listener_reply='text json table' ;;
    'completion|--language') _clb_listener_reply='zh-CN en-US' ;;
    'completion|--output'|'completion|-o') _clb_listener_reply='text json table' ;;
    'help|--language') _clb_listener_reply='zh-CN en-US' ;;
    'help|--output'|'help|-o') _clb_listener_reply='text json table' ;;
    'create|--cert-file'|'create|--key-file'|'create|--ca-file'|'create|--from-file') return 2 ;;
    'apply|--file'|'apply|-f') return 2 ;;
    'target add|--url') return 2 ;;
    'emulator|--state'|'emulator|--certificates') return 2 ;;
    *) return 1 ;;
  esac
}

# Positional argument N (from 0) of a path: 0 with _clb_listener_reply set, 1 nothing to offer,
# 2 file names, 3 no such argument (offer the options instead).
_clb_listener_args() {
  case "$1|$2" in
    'wait|0') return 1 ;;
    'rule help|0') _clb_listener_reply='create modify delete list' ;;
    'target help|0') _clb_listener_reply='add' ;;
    'configure set|0'|'configure set|2'|'configure set|4'|'configure set|6'|'configure set|8'|\
    'configure set|10'|'configure set|12'|'configure set|14'|'configure set|16'|'configure set|18'|\
    'configure set|20'|'configure set|22') _clb_listener_reply='secretId secretKey token region output language endpoint sts.endpoint role-arn role-session-name validate use-cvm-role' ;;
    'configure set|1'|'configure set|3'|'configure set|5'|'configure set|7'|'configure set|9'|\
    'configure set|11'|'configure set|13'|'configure set|15'|'configure set|17'|'configure set|19'|\
    'configure set|21'|'configure set|23') return 1 ;;
    'configure unset|'*) _clb_listener_reply='secretId secretKey token region output language endpoint sts.endpoint role-arn role-session-name validate use-cvm-role' ;;
    'configure get|0') _clb_listener_reply='secretId secretKey token region output language endpoint sts.endpoint role-arn role-session-name validate use-cvm-role' ;;
    'completion|0') _clb_listener_reply='bash zsh fish' ;;
    'help|0') _clb_listener_reply='create apply export wait list delete rule target configure whoami emulator completion' ;;
    *) return 3 ;;
  esac
}

# The arity of a word that starts with "-": a long option, or bundled short flags (-qo);
# _clb_listener_flag is set to the flag that takes the value.
_clb_listener_word_arity() {
  local path=$1 word=$2 i
  _clb_listener_flag=$word
  if [[ $word == --* || ${#word} -le 2 ]]; then
    _clb_listener_arity "$path" "$word"
    return
  fi
  for ((i = 1; i < ${#word}; i++)); do
    _clb_listener_flag=-${word:i:1}
    _clb_listener_arity "$path" "$_clb_listener_flag"
    if [[ $_clb_listener_reply != none ]]; then
      # The rest of the word is this flag's value, unless it is the last letter.
      (( i < ${#word} - 1 )) && _clb_listener_reply=none
      return
    fi
  done
}

_clb_listener_words() {
  local IFS=$' \t\n'
  COMPREPLY=($(compgen -W "$1" -- "$2"))
}

_clb_listener_files() {
  compopt -o filenames 2>/dev/null
  local IFS=$'\n'
  COMPREPLY=($(compgen -f -- "$1"))
}

# Completes the value of option $2 at path $1, for the text $3.
_clb_listener_value() {
  _clb_listener_values "$1" "$2"
  case $? in
    0) _clb_listener_words "$_clb_listener_reply" "$3" ;;
    2) _clb_listener_files "$3" ;;
  esac
}

_clb_listener() {
  local i word cur path='' npos=0 expect='' maybe='' glue=0 dashdash=0 _clb_listener_flag='' _clb_listener_reply=''
  local -a words=()
  COMPREPLY=()

  # bash splits "--output=json" at the "=" (COMP_WORDBREAKS); join such words back.
  for ((i = 0; i <= COMP_CWORD; i++)); do
    word=${COMP_WORDS[i]}
    if (( glue )); then
      words[${#words[@]}-1]+=$word
      glue=0
    elif [[ $word == '=' && ${#words[@]} -gt 1 && ${words[${#words[@]}-1]} == --?* && ${words[${#words[@]}-1]} != *=* ]]; then
      words[${#words[@]}-1]+='='
      glue=1
    else
      words+=("$word")
    fi
  done
  local cword=$(( ${#words[@]} - 1 ))
  cur=${words[cword]}

  for ((i = 1; i < cword; i++)); do
    word=${words[i]}
    if [[ -n $expect ]]; then
      expect=''
      continue
    fi
    if (( dashdash )) || [[ $word != -* || $word == - ]]; then
      _clb_listener_commands "$path"
      if (( ! dashdash && npos == 0 )) && [[ " $_clb_listener_reply " == *" $word "* ]]; then
        path=${path:+$path }$word
      else
        npos=$(( npos + 1 ))
      fi
      continue
    fi
    case $word in
      --) dashdash=1 ;;
      --*=*) ;;
      *)
        _clb_listener_word_arity "$path" "$word"
        case $_clb_listener_reply in
          required) expect=$_clb_listener_flag ;;
          optional)
            # commander takes the next word as the value unless it looks like an option.
            if (( i + 1 < cword )) && [[ ${words[i+1]} != -* ]]; then
              i=$(( i + 1 ))
            elif (( i + 1 == cword )); then
              maybe=$_clb_listener_flag
            fi
            ;;
        esac
        ;;
    esac
  done

  if [[ -n $expect ]]; then
    _clb_listener_value "$path" "$expect" "$cur"
    return 0
  fi
  if (( ! dashdash )) && [[ $cur == --*=* ]]; then
    local option=${cur%%=*}
    _clb_listener_value "$path" "$option" "${cur#*=}"
    # If "=" was not a word break, the whole word is replaced: keep "--option=".
    if [[ ${COMP_WORDS[COMP_CWORD]} == *=* && ${COMP_WORDS[COMP_CWORD]} != '=' ]]; then
      for ((i = 0; i < ${#COMPREPLY[@]}; i++)); do COMPREPLY[i]="$option=${COMPREPLY[i]}"; done
    fi
    return 0
  fi
  if (( ! dashdash )) && [[ $cur == -* ]]; then
    _clb_listener_options "$path"
    _clb_listener_words "$_clb_listener_reply" "$cur"
    return 0
  fi
  if [[ -n $maybe ]] && _clb_listener_values "$path" "$maybe"; then
    _clb_listener_words "$_clb_listener_reply" "$cur"
    return 0
  fi
  _clb_listener_commands "$path"
  if (( npos == 0 )) && [[ -n $_clb_listener_reply ]]; then
    _clb_listener_words "$_clb_listener_reply" "$cur"
    return 0
  fi
  _clb_listener_args "$path" "$npos"
  case $? in
    0) _clb_listener_words "$_clb_listener_reply" "$cur" ;;
    2) _clb_listener_files "$cur" ;;
    3) _clb_listener_options "$path"; _clb_listener_words "$_clb_listener_reply" "$cur" ;;
  esac
  return 0
}

complete -F _clb_listener clb-listener
