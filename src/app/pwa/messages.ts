// Strings of the service-worker notices: update available, ready offline, install, iPad home-screen hint.
export const messages = {
  ko: {
    region: '앱 알림',
    update: {
      text: '새 버전의 단골이 준비되었습니다. 쓰던 내용은 저장된 뒤에 업데이트하세요.',
      action: '지금 업데이트',
      later: '나중에',
    },
    offlineReady: {
      text: '이제 인터넷이 없어도 단골을 쓸 수 있습니다.',
      close: '확인',
    },
    install: {
      text: '단골을 태블릿에 앱으로 설치하면 홈 화면에서 바로 열 수 있습니다.',
      action: '앱 설치',
      later: '닫기',
    },
    iosHint: {
      text: '홈 화면에 추가: Safari의 공유 버튼(네모에 위쪽 화살표)을 누르고 「홈 화면에 추가」를 고르세요.',
      close: '닫기',
    },
  },
  en: {
    region: 'App notices',
    update: {
      text: 'A new version of Dangol is ready. Update once what you are writing is saved.',
      action: 'Update now',
      later: 'Later',
    },
    offlineReady: {
      text: 'Dangol now works without an internet connection.',
      close: 'OK',
    },
    install: {
      text: 'Install Dangol as an app on this tablet to open it straight from the home screen.',
      action: 'Install app',
      later: 'Close',
    },
    iosHint: {
      text: 'Add to Home Screen: tap the Share button in Safari (a square with an arrow up) and choose "Add to Home Screen".',
      close: 'Close',
    },
  },
} as const;
