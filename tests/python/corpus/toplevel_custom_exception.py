# expect: ConfigError: missing API key
# at: 7
import panel as pn
class ConfigError(Exception):
    pass
def load_config():
    raise ConfigError('missing API key')
load_config()
