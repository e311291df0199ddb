"""The look: large type and strong colours, readable from a metre away by a tired operator."""

from __future__ import annotations

OK_GREEN = "#1b7f3b"
NOK_RED = "#c62828"
WARN_AMBER = "#b26a00"
INK = "#1d2330"
NAV_BG = "#1f2a3c"

STYLESHEET = f"""
QWidget {{ font-size: 15px; color: {INK}; }}
QMainWindow, QStackedWidget > QWidget {{ background: #f4f6f9; }}
#navigation {{ background: {NAV_BG}; border: none; }}
#navigation QPushButton {{
    color: #e8edf5; background: transparent; border: none; text-align: left;
    padding: 14px 18px; font-size: 18px;
}}
#navigation QPushButton:checked {{ background: #32496b; font-weight: bold; }}
#navigation QPushButton:hover {{ background: #2a3b56; }}
#appTitle {{ color: white; font-size: 22px; font-weight: bold; padding: 18px; }}
#pageTitle {{ font-size: 26px; font-weight: bold; padding: 4px 0 10px 0; }}
#sectionTitle {{ font-size: 18px; font-weight: bold; }}
#errorText {{ color: {NOK_RED}; font-weight: bold; font-size: 16px; }}
#okText {{ color: {OK_GREEN}; font-weight: bold; font-size: 16px; }}
QPushButton {{ padding: 8px 16px; font-size: 16px; }}
QPushButton#primary {{ background: #2d6cdf; color: white; border-radius: 4px; font-weight: bold; }}
QPushButton#primary:disabled {{ background: #9db4dd; }}
QTableView {{ background: white; gridline-color: #d9dee7; selection-background-color: #cfe0ff;
    selection-color: {INK}; }}
QHeaderView::section {{ background: #e6eaf0; padding: 6px; font-weight: bold; border: none; }}
QTabBar::tab {{ padding: 10px 20px; font-size: 16px; }}
QTabBar::tab:selected {{ font-weight: bold; }}
#signInCard QWidget {{ background: white; }}
#signInCard QLineEdit {{ font-size: 24px; padding: 10px; }}
#signInCard QLabel {{ font-size: 20px; }}
#signInCard #pageTitle {{ font-size: 32px; }}
#signInCard QPushButton#primary {{ font-size: 22px; padding: 14px; background: #2d6cdf;
    color: white; border-radius: 4px; font-weight: bold; }}
#signInCard QPushButton#primary:disabled {{ background: #9db4dd; }}
QStatusBar QLabel {{ padding: 0 10px; font-size: 14px; }}
QLineEdit, QComboBox, QSpinBox {{ padding: 6px; font-size: 16px; }}
"""
