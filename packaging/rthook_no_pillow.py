# PyInstaller runtime hook (packaging/connectivity_assistant.spec), run before the app.
#
# The bundle leaves Pillow out: fpdf2 needs it only to embed raster images, and our PDF
# report has none (the smoke test renders one from the frozen app). fpdf2 says so with a
# UserWarning on import; in the bundle that is the expected state, not news for the user.
import warnings

warnings.filterwarnings("ignore", message="Pillow could not be imported", category=UserWarning)
